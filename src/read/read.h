/*
 * read.h -- the readers' private body, shared by the reader files.
 *
 * A reader turns the paths it is given into raw inputs: one article's
 * bytes with what its container says about it (an id, hints, a date).  It
 * never analyses: src/pipeline.c takes each input through the stages
 * (sitrep_reader_next) and, when the analysis refuses it, has the reader
 * report it as skipped like any other bad input.
 *
 *   reader.c  the walk: paths, directories, standard input, buffered (and
 *             gzip) reading, telling an input's kind by its first bytes,
 *             messages and skip counts
 *   text.c    a file read whole as one article (plain text or a page)
 *   page.c    a web page's bytes made UTF-8 text (its declared charset)
 *   jsonl.c   JSON Lines, one record at a time
 *   warc.c    WARC files, their HTML response records
 *   feed.c    RSS and Atom feeds, their items
 *   wide.c    UTF-16 and UTF-32 inputs (with a byte order mark) as UTF-8
 */
#ifndef SITREP_READ_H
#define SITREP_READ_H

#include "core/core.h"

#include <jansson.h>
#include <stdio.h>
#include <sys/types.h>
#include <zlib.h>

#define SR_READ_CHUNK 65536

/* One raw input: the bytes of one article and what its container says
 * about it.  Everything but `bytes` is borrowed from the reader until the
 * next call on it. */
typedef struct sr_input {
    const char *id;
    char *bytes;              /* NUL-terminated; the caller owns them */
    size_t len;
    bool checked;             /* sr_check_text passed already */
    sitrep_doc_hints hints;
    const char *inferred;     /* "YYYY-MM-DD" the container dates it by when the text
                               * states no date (a WARC record's), or NULL */
    const char *basis;        /* how, for `inferred` */
    /* where it came from, for the message when it cannot be analysed */
    const char *path;
    size_t line;              /* 0: none */
    const char *detail;       /* NULL: none */
} sr_input;

/* The next raw input.  SITREP_OK with *in filled; SITREP_DONE when every
 * path is read; another status when one input was skipped
 * (sitrep_reader_message says which and why). */
sitrep_status sr_read_next(sitrep_reader *r, sr_input *in);

/* Reports `in`, which the stages refused with `st`, as skipped: the
 * message names it as the reader names its own bad inputs.  Returns st. */
sitrep_status sr_read_refused(sitrep_reader *r, sitrep_status st, const sr_input *in);

/* The options the reader was made with (the stages use them too). */
const sitrep_options *sr_read_options(const sitrep_reader *r);

/* ---- the reader's body (reader.c and the readers of each kind) ---- */

typedef enum sr_read_mode { SR_MODE_NONE, SR_MODE_JSONL, SR_MODE_WARC, SR_MODE_FEED } sr_read_mode;

struct sitrep_reader {
    sitrep_options opts;
    const sitrep_mem *mem;
    char **top;          /* paths given by the caller, in order */
    size_t ntop, captop, nexttop;
    char **stack;        /* directory entries still to visit (LIFO) */
    size_t nstack, capstack;
    size_t skipped;
    char msg[1024];
    struct sr_dir_id {
        dev_t dev;
        ino_t ino;
    } *dirs;             /* directories already expanded (cycle guard) */
    size_t ndirs, capdirs;

    /* the open input */
    sr_read_mode mode;
    gzFile gz;
    char *path;
    size_t line;         /* number of the last line read (WARC: of the last record) */
    char *buf;           /* read buffer: [pos, len) not yet consumed */
    size_t pos, len, cap;
    size_t chunk;        /* bytes per read for this input (small files: less) */
    int fd;              /* a plain (not gzip) file read directly, or -1 */
    int read_errno;      /* why the last direct read failed, or 0 */
    uint64_t size;       /* the file's size when opened (direct reads stop there) */
    bool eof;
    bool nomem;          /* the last fill() failed for want of memory */
    struct sr_feed *feed; /* the open feed (feed.c) */

    /* what the last input yielded borrows (kept until the next call) */
    char idbuf[1024];    /* its id, when made here */
    char detail[200];    /* its place in its file ("item 3", "record 7 <urn:...>") */
    char *item_path;     /* a whole file's path (the open input is closed by then) */
    json_t *record;      /* a JSON Lines record: its hints point into it */
    char warc_uri[1024]; /* a WARC record's target URI */
    char warc_day[11];   /* a WARC record's date */
};

/* reader.c: buffered reading of the open input */
bool sr_read_fill(sitrep_reader *r);
/* Fills until [pos, pos + need) is in the buffer; false at the end. */
bool sr_read_have(sitrep_reader *r, size_t need);
/* The open input's read error, or NULL when there was none. */
const char *sr_read_input_error(sitrep_reader *r);
void sr_read_close_input(sitrep_reader *r);
/* Counts a skipped input and sets the message "PATH[:LINE]: problem[: detail]". */
sitrep_status sr_read_fail(sitrep_reader *r, sitrep_status st, const char *path, size_t line,
                           const char *detail);
/* The id of a file's document: its base name without extensions such as
 * .txt, .json, .html and a final .gz, made valid UTF-8. */
void sr_read_file_id(const char *path, char *out, size_t cap);
/* Copies s into out (cap bytes), every byte that is not part of valid
 * UTF-8 replaced by U+FFFD. */
void sr_read_utf8_sanitize(const char *s, char *out, size_t cap);
char *sr_read_dup(const sitrep_mem *mem, const char *s);
const char *sr_read_find_bytes(const char *h, size_t n, const char *needle);

/* text.c: the open file read whole as one article (the first bytes are in
 * the buffer); the input is closed. */
sitrep_status sr_text_read(sitrep_reader *r, char *path, sr_input *in);

/* page.c: bytes checked as text; a web page in another charset (its <meta
 * charset>, else windows-1252) is converted to UTF-8 first, and the
 * converted page replaces *bytes.  The status of sr_check_text, with
 * *where the offset of a bad byte. */
sitrep_status sr_page_text(const sitrep_mem *mem, char **bytes, size_t *len, size_t *where);

/* wide.c: the open input, when it starts with a UTF-16 or UTF-32 byte
 * order mark, read whole and converted to UTF-8 in the buffer (SITREP_OK);
 * SITREP_DONE when it does not; ETOOBIG or ENOMEM. */
sitrep_status sr_read_wide(sitrep_reader *r);

/* jsonl.c */
sitrep_status sr_jsonl_next(sitrep_reader *r, sr_input *in);
/* Is the input, whose first non-blank byte at buf[i] is '{', JSON Lines? */
bool sr_jsonl_sniff(const sitrep_reader *r, size_t i);

/* warc.c */
sitrep_status sr_warc_next(sitrep_reader *r, sr_input *in);

/* feed.c */
/* Is the input, whose first non-blank byte at buf[i] is '<', a feed (its
 * root element, after the prolog, <rss>, <feed> or <rdf:RDF>)?  Reads on
 * while the prolog lasts (a long DOCTYPE). */
bool sr_feed_sniff(sitrep_reader *r, size_t i);
sitrep_status sr_feed_open(sitrep_reader *r);
sitrep_status sr_feed_next(sitrep_reader *r, sr_input *in);
void sr_feed_free(sitrep_reader *r);

#endif
