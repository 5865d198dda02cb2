/*
 * reader.c -- streaming reader of article inputs (sitrep_reader_*).
 *
 * Inputs are files, directories (walked recursively in name order, hidden
 * entries skipped) and "-" for standard input.  Every file is opened
 * through zlib, so .gz inputs are read transparently, and its kind is told
 * by content: a file whose first non-blank byte is '{' is JSON Lines, read
 * one record at a time; anything else is one plain-text article.
 *
 * Memory is bounded by opts.max_input_bytes: a longer article or JSONL line
 * is reported and skipped without being held.  Each skipped input yields
 * one message "PATH[:LINE]: problem" and the reader goes on.
 */
#include "core/core.h"
#include "pipeline.h"
#include "read/read.h"
#include "clean/webpage.h"
#include "analyse/dates.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <strings.h>
#include <zlib.h>

#define CHUNK 65536

typedef enum mode { MODE_NONE, MODE_JSONL, MODE_WARC, MODE_FEED } mode;

/* One item of an RSS or Atom feed, waiting to be analysed. */
typedef struct feed_item {
    char *id, *title, *link, *date, *content;
} feed_item;

struct sitrep_reader {
    sitrep_options opts;
    const sitrep_mem *mem;
    char **top;          /* paths given by the caller, in order */
    size_t ntop, captop, nexttop;
    char **stack;        /* directory entries still to visit (LIFO) */
    size_t nstack, capstack;
    size_t skipped;
    char msg[1024];
    struct dir_id {
        dev_t dev;
        ino_t ino;
    } *dirs;             /* directories already expanded (cycle guard) */
    size_t ndirs, capdirs;

    /* the open JSON Lines input */
    mode mode;
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
    feed_item *items;    /* the open feed's items */
    char *feed_outlet;   /* the open feed's title, its items' outlet */
    size_t nitems, nextitem;
};

/* ---- small helpers ---- */

static char *dup_str(const sitrep_mem *mem, const char *s)
{
    size_t n = strlen(s);
    char *p = mem->calloc(1, n + 1);
    if (p)
        memcpy(p, s, n);
    return p;
}

static bool push(const sitrep_mem *mem, char ***arr, size_t *n, size_t *cap, char *s)
{
    if (*n == *cap) {
        size_t nc = *cap ? *cap * 2 : 16;
        char **p = mem->realloc(*arr, nc * sizeof *p);
        if (!p)
            return false;
        *arr = p;
        *cap = nc;
    }
    (*arr)[(*n)++] = s;
    return true;
}

/* Makes a message safe to print: control bytes and bytes that are not
 * part of valid UTF-8 (a quote of broken input, a path cut short) become
 * '?'. */
static void clean_message(char *m)
{
    size_t n = strlen(m);
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)m[i];
        if (c < 0x20 || c == 0x7F) {
            m[i++] = '?';
            continue;
        }
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t bad, k = 1;
        while (i + k < n && k < 4 && ((unsigned char)m[i + k] & 0xC0) == 0x80)
            k++;
        if (!sr_utf8_valid(m + i, k, &bad)) {
            m[i++] = '?';
            continue;
        }
        i += k;
    }
}

static sitrep_status fail(sitrep_reader *r, sitrep_status st, const char *path, size_t line,
                          const char *detail)
{
    r->skipped++;
    if (line)
        snprintf(r->msg, sizeof r->msg, "%s:%zu: %s%s%s", path, line, sitrep_strerror(st),
                 detail ? ": " : "", detail ? detail : "");
    else
        snprintf(r->msg, sizeof r->msg, "%s: %s%s%s", path, sitrep_strerror(st),
                 detail ? ": " : "", detail ? detail : "");
    clean_message(r->msg);
    return st;
}

/* The id of a file's document: its base name without extensions such as
 * .txt, .json, .html and a final .gz. */
/* Copies s into out (cap bytes), replacing every byte that is not part of
 * valid UTF-8 by U+FFFD, so an id made from a file name is always text. */
static void utf8_sanitize(const char *s, char *out, size_t cap)
{
    size_t n = strlen(s), o = 0;
    for (size_t i = 0; i < n && o + 4 < cap;) {
        size_t bad;
        if ((unsigned char)s[i] < 0x80) {
            out[o++] = s[i++];
            continue;
        }
        int32_t cp;
        size_t k = sr_utf8_decode(s, n, i, &cp);
        if (cp == 0xFFFD || !sr_utf8_valid(s + i, k, &bad)) {
            memcpy(out + o, "\xEF\xBF\xBD", 3);
            o += 3;
            i++;
            continue;
        }
        memcpy(out + o, s + i, k);
        o += k;
        i += k;
    }
    out[o] = '\0';
}

static void file_id(const char *path, char *out, size_t cap)
{
    if (strcmp(path, "<stdin>") == 0) {
        snprintf(out, cap, "stdin");
        return;
    }
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    utf8_sanitize(base, out, cap);
    for (int k = 0; k < 2; k++) {
        char *dot = strrchr(out, '.');
        if (!dot || dot == out)
            break;
        static const char *const exts[] = {".gz", ".txt", ".text", ".json", ".jsonl",
                                           ".ndjson", ".html", ".htm", ".md", NULL};
        bool known = false;
        for (size_t i = 0; exts[i]; i++)
            if (strcmp(dot, exts[i]) == 0)
                known = true;
        if (!known)
            break;
        *dot = '\0';
    }
}

/* 1-based line number of byte `at` in s. */
static size_t line_of(const char *s, size_t at)
{
    size_t line = 1;
    for (size_t i = 0; i < at; i++)
        if (s[i] == '\n')
            line++;
    return line;
}

/* ---- public: lifecycle ---- */

sitrep_status sitrep_reader_new(const sitrep_options *opts, sitrep_reader **out)
{
    if (out == NULL)
        return SITREP_EARG;
    sitrep_options o;
    if (opts)
        o = *opts;
    else
        sitrep_options_init(&o);
    if (o.max_input_bytes == 0)
        o.max_input_bytes = (size_t)16 << 20;
    const sitrep_mem *mem = sr_mem_or_default(o.mem);
    sitrep_reader *r = mem->calloc(1, sizeof *r);
    if (!r)
        return SITREP_ENOMEM;
    r->opts = o;
    r->fd = -1;
    r->mem = mem;
    *out = r;
    return SITREP_OK;
}

sitrep_status sitrep_reader_add(sitrep_reader *r, const char *path)
{
    if (!r || !path)
        return SITREP_EARG;
    char *p = dup_str(r->mem, path);
    if (!p || !push(r->mem, &r->top, &r->ntop, &r->captop, p)) {
        r->mem->free(p);
        return SITREP_ENOMEM;
    }
    return SITREP_OK;
}

static void free_items(sitrep_reader *r);

static void close_input(sitrep_reader *r)
{
    free_items(r);
    if (r->gz)
        gzclose(r->gz);
    r->gz = NULL;
    if (r->fd >= 0)
        close(r->fd);
    r->fd = -1;
    r->read_errno = 0;
    r->mem->free(r->path);
    r->path = NULL;
    r->mode = MODE_NONE;
    r->pos = r->len = 0;
    r->eof = false;
    r->nomem = false;
    r->line = 0;
}

void sitrep_reader_free(sitrep_reader *r)
{
    if (!r)
        return;
    close_input(r);
    for (size_t i = 0; i < r->ntop; i++)
        r->mem->free(r->top[i]);
    for (size_t i = 0; i < r->nstack; i++)
        r->mem->free(r->stack[i]);
    r->mem->free(r->top);
    r->mem->free(r->stack);
    r->mem->free(r->dirs);
    r->mem->free(r->buf);
    r->mem->free(r);
}

const char *sitrep_reader_message(const sitrep_reader *r)
{
    return r->msg;
}

size_t sitrep_reader_skipped(const sitrep_reader *r)
{
    return r->skipped;
}

/* ---- buffered reading ---- */

static bool grow_buf(sitrep_reader *r, size_t need)
{
    if (r->cap >= need)
        return true;
    size_t nc = r->cap ? r->cap : (r->chunk ? r->chunk : CHUNK) * 2;
    while (nc < need)
        nc *= 2;
    char *p = r->mem->realloc(r->buf, nc);
    if (!p)
        return false;
    r->buf = p;
    r->cap = nc;
    return true;
}

/* The input's read error, or NULL when there was none. */
static const char *input_error(sitrep_reader *r)
{
    if (r->fd >= 0)
        return r->read_errno ? strerror(r->read_errno) : NULL;
    if (r->gz == NULL)
        return NULL;
    int gzerr = 0;
    const char *msg = gzerror(r->gz, &gzerr);
    return (gzerr != Z_OK && gzerr != Z_STREAM_END) ? msg : NULL;
}

/* Reads more bytes after [pos, len), compacting first.  Returns false at
 * end of input or on a read error (r->eof set). */
static bool fill(sitrep_reader *r)
{
    if (r->eof)
        return false;
    if (r->pos > 0) {
        memmove(r->buf, r->buf + r->pos, r->len - r->pos);
        r->len -= r->pos;
        r->pos = 0;
    }
    size_t chunk = r->chunk ? r->chunk : CHUNK;
    if (!grow_buf(r, r->len + chunk + 1)) {
        r->nomem = true;
        return false;
    }
    ssize_t k;
    if (r->fd >= 0) {
        do
            k = read(r->fd, r->buf + r->len, chunk);
        while (k < 0 && errno == EINTR);
        if (k < 0)
            r->read_errno = errno;
    } else {
        k = gzread(r->gz, r->buf + r->len, (unsigned)chunk);
    }
    if (k <= 0) {
        r->eof = true;
        return false;
    }
    r->len += (size_t)k;
    /* the whole file is in: no read just to learn of its end */
    if (r->fd >= 0 && r->pos == 0 && r->mode == MODE_NONE && r->len >= r->size)
        r->eof = true;
    return true;
}

/* ---- JSON Lines ---- */

static const char *json_str(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

static sitrep_status jsonl_record(sitrep_reader *r, const char *line, size_t n, sitrep_doc **out)
{
    json_error_t err;
    json_t *o = json_loadb(line, n, JSON_REJECT_DUPLICATES, &err);
    if (!o)
        return fail(r, SITREP_EJSON, r->path, r->line, err.text);
    if (!json_is_object(o)) {
        json_decref(o);
        return fail(r, SITREP_EJSON, r->path, r->line, "a record must be a JSON object");
    }
    /* The record's id, whole (a string id is used as it is, any length);
     * else "FILE:LINE". */
    char idbuf[832];
    const char *id = idbuf;
    json_t *jid = json_object_get(o, "id");
    if (json_is_string(jid) && json_string_length(jid) > 0)
        id = json_string_value(jid);
    else if (json_is_integer(jid))
        snprintf(idbuf, sizeof idbuf, "%lld", (long long)json_integer_value(jid));
    else {
        char base[800];
        file_id(r->path, base, sizeof base);
        snprintf(idbuf, sizeof idbuf, "%s:%zu", base, r->line);
    }
    sitrep_doc_hints h = {json_str(o, "url"), json_str(o, "title"), json_str(o, "published"),
                          json_str(o, "outlet")};
    if (!h.published)
        h.published = json_str(o, "date");
    json_t *jt = json_object_get(o, "text");
    json_t *jh = json_object_get(o, "html");
    const char *body = NULL;
    size_t blen = 0;
    char *owned = NULL;
    if (json_is_string(jt)) {
        blen = json_string_length(jt);
        owned = r->mem->calloc(1, blen + 1);
        if (owned)
            memcpy(owned, json_string_value(jt), blen);
    } else if (json_is_string(jh)) {
        sitrep_status st = sr_html_to_text(json_string_value(jh), json_string_length(jh),
                                           r->mem, &owned, &blen);
        if (st != SITREP_OK) {
            json_decref(o);
            return fail(r, st, r->path, r->line, "unreadable html field");
        }
    } else {
        json_decref(o);
        return fail(r, SITREP_EJSON, r->path, r->line, "no \"text\" or \"html\" string field");
    }
    if (!owned) {
        json_decref(o);
        return fail(r, SITREP_ENOMEM, r->path, r->line, NULL);
    }
    body = owned;
    sitrep_status st = sr_doc_analyse(id, body, blen, owned, false, &h, &r->opts, out);
    json_decref(o);
    if (st == SR_UNWANTED)
        return st;
    if (st != SITREP_OK)
        return fail(r, st, r->path, r->line, "in the record's text");
    return SITREP_OK;
}

/* Next record of the open JSON Lines input; SITREP_DONE at its end. */
static sitrep_status jsonl_next(sitrep_reader *r, sitrep_doc **out)
{
    for (;;) {
        /* find a complete line in [pos, len) */
        char *nl = r->len > r->pos ? memchr(r->buf + r->pos, '\n', r->len - r->pos) : NULL;
        if (!nl) {
            if (r->len - r->pos > r->opts.max_input_bytes) {
                /* Too long: skip to the next newline without holding it. */
                size_t line = r->line + 1;
                r->pos = r->len = 0;
                for (;;) {
                    if (!fill(r)) {
                        if (r->nomem) {
                            r->eof = true;
                            r->line = line;
                            return fail(r, SITREP_ENOMEM, r->path, line, NULL);
                        }
                        break;
                    }
                    nl = memchr(r->buf, '\n', r->len);
                    if (nl) {
                        r->pos = (size_t)(nl - r->buf) + 1;
                        break;
                    }
                    r->len = 0;
                }
                r->line = line;
                char detail[96];
                snprintf(detail, sizeof detail, "record longer than %zu bytes",
                         r->opts.max_input_bytes);
                return fail(r, SITREP_ETOOBIG, r->path, line, detail);
            }
            if (fill(r))
                continue;
            if (r->nomem) {
                r->eof = true; /* give up on this input, keep what was read */
                r->pos = r->len;
                return fail(r, SITREP_ENOMEM, r->path, r->line + 1, NULL);
            }
            if (r->len == r->pos)
                return SITREP_DONE;
            nl = r->buf + r->len; /* last line without a newline */
        }
        size_t start = r->pos, end = (size_t)(nl - r->buf);
        r->pos = end < r->len ? end + 1 : end;
        r->line++;
        if (end - start > r->opts.max_input_bytes) {
            char detail[96];
            snprintf(detail, sizeof detail, "record longer than %zu bytes",
                     r->opts.max_input_bytes);
            return fail(r, SITREP_ETOOBIG, r->path, r->line, detail);
        }
        const char *s = r->buf + start;
        size_t n = end - start;
        sr_trim(&s, &n);
        if (n == 0)
            continue; /* blank lines between records are fine */
        return jsonl_record(r, s, n, out);
    }
}

/* ---- WARC ---- */

/* The value of WARC or HTTP header `name` in headers[0..n), copied into
 * out; false when absent. */
static bool header_value(const char *h, size_t n, const char *name, char *out, size_t cap)
{
    size_t nl = strlen(name);
    for (size_t i = 0; i + nl < n; i++) {
        if ((i == 0 || h[i - 1] == '\n') && strncasecmp(h + i, name, nl) == 0 && h[i + nl] == ':') {
            size_t k = i + nl + 1, m = 0;
            while (k < n && (h[k] == ' ' || h[k] == '\t'))
                k++;
            while (k < n && h[k] != '\r' && h[k] != '\n' && m + 1 < cap)
                out[m++] = h[k++];
            out[m] = '\0';
            return true;
        }
    }
    return false;
}

/* Fills until [pos, pos + need) is in the buffer; false at the end. */
static bool have(sitrep_reader *r, size_t need)
{
    while (r->len - r->pos < need)
        if (!fill(r))
            return false;
    return true;
}

static const char *find_bytes(const char *h, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    for (size_t i = 0; i + k <= n; i++)
        if (h[i] == needle[0] && memcmp(h + i, needle, k) == 0)
            return h + i;
    return NULL;
}

/* The next HTML response record of a WARC file (each record may be its own
 * gzip member, as Common Crawl ships them).  A record whose block is not
 * followed by the next record's header (truncated, or a wrong length) is
 * reported and skipped; reading goes on at the next "WARC/1." line. */
static sitrep_status warc_next(sitrep_reader *r, sitrep_doc **out)
{
    for (;;) {
        /* between records: blank lines */
        for (;;) {
            if (!have(r, 1))
                return r->nomem ? fail(r, SITREP_ENOMEM, r->path, r->line + 1, NULL) : SITREP_DONE;
            char c = r->buf[r->pos];
            if (c != '\r' && c != '\n')
                break;
            r->pos++;
        }
        /* compact what was read so the buffer holds one record at a time */
        if (r->pos > 0) {
            memmove(r->buf, r->buf + r->pos, r->len - r->pos);
            r->len -= r->pos;
            r->pos = 0;
        }
        size_t record = ++r->line;
        if (!have(r, 8) || memcmp(r->buf, "WARC/", 5) != 0) {
            /* not at a record: skip to the next one */
            const char *next = NULL;
            while (!(next = find_bytes(r->buf + 1, r->len > 1 ? r->len - 1 : 0, "\nWARC/1.")) && fill(r))
                ;
            if (!next) {
                r->pos = r->len;
                return fail(r, SITREP_EFORMAT, r->path, 0, "bytes after the last record are not a WARC record");
            }
            r->pos = (size_t)(next - r->buf) + 1;
            r->line--;
            continue;
        }
        const char *hend;
        while (!(hend = find_bytes(r->buf, r->len, "\r\n\r\n")) && r->len < 65536 && fill(r))
            ;
        char detail[200];
        if (!hend) {
            r->pos = r->len;
            snprintf(detail, sizeof detail, "record %zu: its header does not end", record);
            return fail(r, SITREP_EFORMAT, r->path, 0, detail);
        }
        size_t hlen = (size_t)(hend - r->buf) + 4;
        char type[64] = "", clen[32] = "", uri[1024] = "", rid[200] = "", date[64] = "";
        header_value(r->buf, hlen, "WARC-Type", type, sizeof type);
        header_value(r->buf, hlen, "Content-Length", clen, sizeof clen);
        header_value(r->buf, hlen, "WARC-Target-URI", uri, sizeof uri);
        header_value(r->buf, hlen, "WARC-Record-ID", rid, sizeof rid);
        header_value(r->buf, hlen, "WARC-Date", date, sizeof date);
        char *end;
        unsigned long long n = strtoull(clen, &end, 10);
        bool ok_len = clen[0] && !*end && n <= r->opts.max_input_bytes;
        /* the block, then two CRLF and the next record or the end */
        bool whole = ok_len && have(r, hlen + (size_t)n);
        bool follows = false;
        if (whole) {
            if (!have(r, hlen + (size_t)n + 4) && r->len >= hlen + (size_t)n)
                follows = true; /* the last record, without its closing blank lines */
            else {
                size_t at = hlen + (size_t)n;
                while (at < r->len && at < hlen + (size_t)n + 4 && (r->buf[at] == '\r' || r->buf[at] == '\n'))
                    at++;
                follows = at >= r->len || (have(r, at + 5) && memcmp(r->buf + at, "WARC/", 5) == 0) ||
                          (at >= r->len && !have(r, at + 1));
            }
        }
        if (!whole || !follows) {
            /* a broken record: the reading resumes at the next header */
            const char *next = find_bytes(r->buf + 5, r->len - 5, "\nWARC/1.");
            while (!next && fill(r))
                next = find_bytes(r->buf + 5, r->len - 5, "\nWARC/1.");
            r->pos = next ? (size_t)(next - r->buf) + 1 : r->len;
            snprintf(detail, sizeof detail, "record %zu %.120s: %s", record, rid,
                     !ok_len ? "bad Content-Length" : "truncated (its block is shorter than its Content-Length)");
            return fail(r, SITREP_EFORMAT, r->path, 0, detail);
        }
        const char *block = r->buf + hlen;
        r->pos = hlen + (size_t)n;
        if (strcmp(type, "response") != 0)
            continue; /* requests, metadata, warcinfo: not articles */
        /* the HTTP response: its headers, then the page */
        const char *body = find_bytes(block, (size_t)n, "\r\n\r\n");
        if (!body)
            continue;
        char ctype[200] = "";
        header_value(block, (size_t)(body - block), "Content-Type", ctype, sizeof ctype);
        body += 4;
        size_t blen = (size_t)(block + n - body);
        if (blen == 0 || (ctype[0] && !strstr(ctype, "html")))
            continue;
        char *bytes = r->mem->calloc(1, blen + 1);
        if (!bytes)
            return fail(r, SITREP_ENOMEM, r->path, 0, NULL);
        memcpy(bytes, body, blen);
        size_t where;
        sitrep_status st = sr_check_text(bytes, blen, &where);
        if (st == SITREP_EUTF8 && sr_looks_like_html(bytes, blen)) {
            char *utf8;
            size_t un;
            if (sr_html_to_utf8(bytes, blen, r->mem, &utf8, &un) == SITREP_OK) {
                r->mem->free(bytes);
                bytes = utf8;
                blen = un;
                st = sr_check_text(bytes, blen, &where);
            }
        }
        if (st != SITREP_OK) {
            r->mem->free(bytes);
            snprintf(detail, sizeof detail, "record %zu %.120s", record, rid);
            return fail(r, st, r->path, 0, detail);
        }
        /* its id: the record id's uuid ("<urn:uuid:...>") */
        char id[200];
        const char *u = strstr(rid, "uuid:");
        snprintf(id, sizeof id, "%s", u ? u + 5 : rid[0] ? rid : "record");
        char *gt = strchr(id, '>');
        if (gt)
            *gt = '\0';
        sitrep_doc_hints h = {uri[0] ? uri : NULL, NULL, NULL, NULL};
        /* the record's date is when the page was fetched: the article's
         * date when the page states none (it was published by then) */
        char day[11] = "";
        sr_date d;
        size_t at, used;
        if (sr_date_find(date, strlen(date), &d, &at, &used) && at == 0 && d.day)
            sr_date_iso(&d, day);
        st = sr_doc_analyse_dated(id, bytes, blen, bytes, true, &h, &r->opts, day[0] ? day : NULL,
                                  day[0] ? "the WARC record's date, when the page was fetched" : NULL, out);
        if (st == SR_UNWANTED)
            return st;
        if (st != SITREP_OK) {
            snprintf(detail, sizeof detail, "record %zu %.120s", record, rid);
            return fail(r, st, r->path, 0, detail);
        }
        return SITREP_OK;
    }
}

/* ---- RSS and Atom ---- */

static char *node_text(const sitrep_mem *mem, xmlNode *n)
{
    xmlChar *t = xmlNodeGetContent(n);
    char *s = t ? dup_str(mem, (const char *)t) : NULL;
    xmlFree(t);
    return s;
}

static xmlNode *child(xmlNode *parent, const char *name)
{
    for (xmlNode *c = parent ? parent->children : NULL; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && xmlStrcmp(c->name, (const xmlChar *)name) == 0)
            return c;
    return NULL;
}

static void free_items(sitrep_reader *r)
{
    r->mem->free(r->feed_outlet);
    r->feed_outlet = NULL;
    for (size_t i = 0; i < r->nitems; i++) {
        feed_item *it = &r->items[i];
        r->mem->free(it->id);
        r->mem->free(it->title);
        r->mem->free(it->link);
        r->mem->free(it->date);
        r->mem->free(it->content);
    }
    r->mem->free(r->items);
    r->items = NULL;
    r->nitems = r->nextitem = 0;
}

/* Collects the items (RSS <item>, Atom <entry>) under `n`. */
static bool collect_items(sitrep_reader *r, xmlNode *n, size_t *cap, int depth)
{
    for (; n && depth < 8; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        bool item = xmlStrcmp(n->name, (const xmlChar *)"item") == 0 ||
                    xmlStrcmp(n->name, (const xmlChar *)"entry") == 0;
        if (!item) {
            if (!collect_items(r, n->children, cap, depth + 1))
                return false;
            continue;
        }
        if (r->nitems == *cap) {
            size_t nc = *cap ? *cap * 2 : 16;
            feed_item *ni = r->mem->realloc(r->items, nc * sizeof *ni);
            if (!ni)
                return false;
            r->items = ni;
            *cap = nc;
        }
        feed_item it = {0};
        xmlNode *c;
        it.title = (c = child(n, "title")) ? node_text(r->mem, c) : NULL;
        if ((c = child(n, "link"))) {
            xmlChar *href = xmlGetProp(c, (const xmlChar *)"href"); /* Atom */
            it.link = href ? dup_str(r->mem, (const char *)href) : node_text(r->mem, c);
            xmlFree(href);
        }
        if (!(c = child(n, "pubDate")) && !(c = child(n, "published")) && !(c = child(n, "updated")) &&
            !(c = child(n, "date")))
            c = NULL;
        it.date = c ? node_text(r->mem, c) : NULL;
        /* the fullest text: content:encoded, Atom content, description, summary */
        if (!(c = child(n, "encoded")) && !(c = child(n, "content")) && !(c = child(n, "description")))
            c = child(n, "summary");
        it.content = c ? node_text(r->mem, c) : NULL;
        xmlNode *g = child(n, "guid");
        if (!g)
            g = child(n, "id");
        it.id = g ? node_text(r->mem, g) : NULL;
        r->items[r->nitems++] = it;
    }
    return true;
}

/* Reads the whole feed and parses it into items. */
static sitrep_status feed_open(sitrep_reader *r)
{
    while (r->len <= r->opts.max_input_bytes && fill(r))
        ;
    if (r->nomem)
        return fail(r, SITREP_ENOMEM, r->path, 0, NULL);
    if (r->len > r->opts.max_input_bytes)
        return fail(r, SITREP_ETOOBIG, r->path, 0, NULL);
    xmlDoc *x = xmlReadMemory(r->buf, (int)r->len, NULL, NULL,
                              XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                                  XML_PARSE_NOCDATA);
    if (!x)
        return fail(r, SITREP_EFORMAT, r->path, 0, "not a readable RSS or Atom feed");
    size_t cap = 0;
    xmlNode *root = xmlDocGetRootElement(x);
    /* the feed's title (RSS channel, Atom feed) is its items' outlet,
     * without a suffix such as ": latest" or " - World news" */
    xmlNode *t = child(root && xmlStrcmp(root->name, (const xmlChar *)"rss") == 0 ? child(root, "channel") : root, "title");
    r->feed_outlet = t ? node_text(r->mem, t) : NULL;
    if (r->feed_outlet) {
        static const char *const seps[] = {": ", " - ", " | ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", NULL};
        for (size_t k = 0; seps[k]; k++) {
            char *q = strstr(r->feed_outlet, seps[k]);
            if (q && q > r->feed_outlet)
                *q = '\0';
        }
        if (!*r->feed_outlet) {
            r->mem->free(r->feed_outlet);
            r->feed_outlet = NULL;
        }
    }
    bool ok = collect_items(r, root, &cap, 0);
    xmlFreeDoc(x);
    r->pos = r->len;
    if (!ok)
        return fail(r, SITREP_ENOMEM, r->path, 0, NULL);
    return SITREP_OK;
}

/* The next item of the open feed as a document: its content (HTML or
 * text), with the item's title, link and date as hints. */
static sitrep_status feed_next(sitrep_reader *r, sitrep_doc **out)
{
    while (r->nextitem < r->nitems) {
        size_t k = r->nextitem++;
        feed_item *it = &r->items[k];
        char detail[160];
        snprintf(detail, sizeof detail, "item %zu", k + 1);
        if (!it->content || !*it->content)
            continue; /* a headline without text: nothing to analyse */
        size_t n = strlen(it->content);
        char *bytes = r->mem->calloc(1, n + 1);
        if (!bytes)
            return fail(r, SITREP_ENOMEM, r->path, 0, detail);
        memcpy(bytes, it->content, n);
        char id[256];
        if (it->id && *it->id) {
            utf8_sanitize(it->id, id, sizeof id);
        } else {
            char base[200];
            file_id(r->path, base, sizeof base);
            snprintf(id, sizeof id, "%s-%zu", base, k + 1);
        }
        sitrep_doc_hints h = {it->link, it->title, it->date, r->feed_outlet};
        sitrep_status st = sr_doc_analyse(id, bytes, n, bytes, false, &h, &r->opts, out);
        if (st == SR_UNWANTED)
            continue;
        if (st != SITREP_OK)
            return fail(r, st, r->path, 0, detail);
        return SITREP_OK;
    }
    free_items(r);
    return SITREP_DONE;
}

/* An RSS or Atom feed: its root (after an XML declaration, comments and
 * processing instructions) is <rss>, <feed> or <rdf:RDF>, and no <html>. */
static bool looks_like_feed(const char *s, size_t n)
{
    size_t lim = n < 2048 ? n : 2048;
    if (find_bytes(s, lim, "<html") || find_bytes(s, lim, "<HTML"))
        return false;
    return find_bytes(s, lim, "<rss") || find_bytes(s, lim, "<feed") || find_bytes(s, lim, "<rdf:RDF");
}

/* ---- files ---- */

/* Reads a whole plain-text article (the first bytes already in buf). */
static sitrep_status text_file(sitrep_reader *r, const char *path, sitrep_doc **out)
{
    while (r->len <= r->opts.max_input_bytes && fill(r))
        ;
    if (r->nomem) {
        close_input(r);
        return fail(r, SITREP_ENOMEM, path, 0, NULL);
    }
    if (r->len > r->opts.max_input_bytes) {
        char detail[96];
        snprintf(detail, sizeof detail, "larger than the %zu-byte limit per article",
                 r->opts.max_input_bytes);
        close_input(r);
        return fail(r, SITREP_ETOOBIG, path, 0, detail);
    }
    const char *rerr = input_error(r);
    if (rerr) {
        sitrep_status st = fail(r, SITREP_EIO, path, 0, rerr);
        close_input(r);
        return st;
    }
    /* The read buffer becomes the document's bytes (no copy); the next
     * input gets a new buffer. */
    char *bytes = r->buf;
    size_t len = r->len;
    r->buf = NULL;
    r->cap = 0;
    close_input(r);
    /* Documents may be kept by later stages: hold only their own bytes. */
    char *fit = r->mem->realloc(bytes, len + 1);
    if (fit)
        bytes = fit;
    size_t where;
    sitrep_status st = sr_check_text(bytes, len, &where);
    if (st == SITREP_EUTF8 && sr_looks_like_html(bytes, len)) {
        /* a page in another charset (its <meta charset>, else
         * windows-1252): converted to UTF-8, which becomes the document's
         * bytes (spans count bytes of the converted page) */
        char *utf8;
        size_t n;
        if (sr_html_to_utf8(bytes, len, r->mem, &utf8, &n) == SITREP_OK) {
            r->mem->free(bytes);
            bytes = utf8;
            len = n;
            st = sr_check_text(bytes, len, &where);
        }
    }
    if (st != SITREP_OK) {
        char detail[96] = "";
        size_t line = 0;
        if (st == SITREP_EUTF8) {
            line = line_of(bytes, where);
            snprintf(detail, sizeof detail, "at byte %zu", where);
        }
        r->mem->free(bytes);
        return fail(r, st, path, line, detail[0] ? detail : NULL);
    }
    char id[1024]; /* a file name is at most 255 bytes, 3 each if not UTF-8 */
    file_id(path, id, sizeof id);
    sitrep_doc_hints h = {NULL, NULL, NULL, NULL};
    st = sr_doc_analyse(id, bytes, len, bytes, true, &h, &r->opts, out);
    if (st == SR_UNWANTED)
        return SITREP_DONE; /* passed by: the next path */
    if (st != SITREP_OK)
        return fail(r, st, path, 0, NULL);
    return SITREP_OK;
}

static int name_cmp(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

/* Pushes a directory's visible entries on the stack, in reverse order so
 * they pop in name order. */
/* Has this directory been expanded before (through a link)?  Records it. */
static bool seen_dir(sitrep_reader *r, const struct stat *sb)
{
    for (size_t i = 0; i < r->ndirs; i++)
        if (r->dirs[i].dev == sb->st_dev && r->dirs[i].ino == sb->st_ino)
            return true;
    if (r->ndirs == r->capdirs) {
        size_t nc = r->capdirs ? r->capdirs * 2 : 16;
        struct dir_id *p = r->mem->realloc(r->dirs, nc * sizeof *p);
        if (!p)
            return false;
        r->dirs = p;
        r->capdirs = nc;
    }
    r->dirs[r->ndirs].dev = sb->st_dev;
    r->dirs[r->ndirs].ino = sb->st_ino;
    r->ndirs++;
    return false;
}

static sitrep_status expand_dir(sitrep_reader *r, const char *path)
{
    struct dirent **list;
    int n = scandir(path, &list, NULL, name_cmp);
    if (n < 0)
        return fail(r, SITREP_EIO, path, 0, strerror(errno));
    sitrep_status st = SITREP_OK;
    size_t plen = strlen(path);
    for (int i = n; i-- > 0;) {
        const char *name = list[i]->d_name;
        if (name[0] != '.' && st == SITREP_OK) {
            size_t len = plen + 1 + strlen(name);
            char *full = r->mem->calloc(1, len + 1);
            if (!full) {
                st = SITREP_ENOMEM;
            } else {
                snprintf(full, len + 1, "%s%s%s", path,
                         (plen && path[plen - 1] == '/') ? "" : "/", name);
                if (!push(r->mem, &r->stack, &r->nstack, &r->capstack, full)) {
                    r->mem->free(full);
                    st = SITREP_ENOMEM;
                }
            }
        }
        free(list[i]);
    }
    free(list);
    return st == SITREP_OK ? SITREP_OK : fail(r, st, path, 0, NULL);
}

/* Is the input, whose first non-blank byte at buf[i] is '{', JSON Lines?
 * Binary data is not (the text reader reports it once), nor is an article
 * that opens with "{Editor's note ...}": the first line must be a JSON
 * object.  A first line longer than what was read is taken as a record. */
static bool looks_like_jsonl(const sitrep_reader *r, size_t i)
{
    if (memchr(r->buf, 0, r->len))
        return false;
    const char *nl = memchr(r->buf + i, '\n', r->len - i);
    if (!nl)
        return true;
    json_error_t err;
    json_t *o = json_loadb(r->buf + i, (size_t)(nl - (r->buf + i)), 0, &err);
    bool object = json_is_object(o);
    json_decref(o);
    return object;
}

/* Opens one path: a directory is expanded (SITREP_DONE: nothing read yet),
 * a JSON Lines file becomes the open input, a text file is read whole. */
static sitrep_status open_path(sitrep_reader *r, char *path, sitrep_doc **out)
{
    int fd;
    bool is_stdin = strcmp(path, "-") == 0;
    r->chunk = CHUNK;
    if (is_stdin) {
        fd = dup(STDIN_FILENO);
    } else {
        struct stat sb;
        if (stat(path, &sb) != 0)
            return fail(r, SITREP_EIO, path, 0, strerror(errno));
        if (S_ISDIR(sb.st_mode)) {
            if (seen_dir(r, &sb))
                return SITREP_DONE; /* a link back into the tree: read once */
            return expand_dir(r, path) == SITREP_OK ? SITREP_DONE : SITREP_EIO;
        }
        if (!S_ISREG(sb.st_mode))
            return fail(r, SITREP_EFORMAT, path, 0, "not a regular file");
        fd = open(path, O_RDONLY);
        /* A 6 KB article needs no 64 KB buffers (zlib's and ours, which the
         * allocator would map and the kernel zero for every file): read
         * small files in pieces of their own size. */
        r->size = sb.st_size >= 0 ? (uint64_t)sb.st_size : 0;
        if (sb.st_size >= 0 && (uint64_t)sb.st_size < CHUNK) {
            size_t want = 8192;
            while (want < (size_t)sb.st_size + 1)
                want *= 2;
            r->chunk = want;
        }
    }
    if (fd < 0)
        return fail(r, SITREP_EIO, path, 0, strerror(errno));
    /* A regular file is read directly (zlib's transparent mode would copy
     * every byte through its own buffers) until its first bytes show gzip. */
    if (!is_stdin) {
        r->fd = fd;
    } else {
        r->gz = gzdopen(fd, "rb");
        if (!r->gz) {
            close(fd);
            return fail(r, SITREP_ENOMEM, path, 0, NULL);
        }
        gzbuffer(r->gz, (unsigned)r->chunk);
    }
    r->path = dup_str(r->mem, is_stdin ? "<stdin>" : path);
    if (!r->path) {
        close_input(r);
        return fail(r, SITREP_ENOMEM, path, 0, NULL);
    }
    r->pos = r->len = 0;
    r->eof = false;
    r->line = 0;
    if (r->fd >= 0 && fill(r) && r->len >= 2 && (unsigned char)r->buf[0] == 0x1f &&
        (unsigned char)r->buf[1] == 0x8b) {
        /* gzip: start again through zlib */
        int gfd = r->fd;
        r->fd = -1;
        r->len = 0;
        r->eof = false;
        r->gz = lseek(gfd, 0, SEEK_SET) == 0 ? gzdopen(gfd, "rb") : NULL;
        if (!r->gz) {
            close(gfd);
            char *p = r->path;
            r->path = NULL;
            sitrep_status st = fail(r, SITREP_EIO, p, 0, "cannot reopen a gzip file");
            r->mem->free(p);
            close_input(r);
            return st;
        }
        gzbuffer(r->gz, (unsigned)r->chunk);
    }
    /* Sniff: fill until a non-blank byte shows. */
    size_t i = 0;
    for (;;) {
        while (i < r->len && (r->buf[i] == ' ' || r->buf[i] == '\n' || r->buf[i] == '\r' ||
                              r->buf[i] == '\t'))
            i++;
        if (i < r->len && !(i + 3 <= r->len && memcmp(r->buf + i, "\xEF\xBB\xBF", 3) == 0))
            break;
        if (i + 3 <= r->len && memcmp(r->buf + i, "\xEF\xBB\xBF", 3) == 0) {
            i += 3;
            continue;
        }
        if (r->len > r->opts.max_input_bytes || !fill(r))
            break;
    }
    if (r->nomem) {
        char *p = r->path;
        r->path = NULL;
        sitrep_status st = fail(r, SITREP_ENOMEM, p, 0, NULL);
        r->mem->free(p);
        close_input(r);
        return st;
    }
    if (r->len == 0 || i >= r->len) {
        char *p = r->path;
        r->path = NULL;
        const char *rerr = input_error(r);
        sitrep_status st = rerr ? fail(r, SITREP_EIO, p, 0, rerr)
                                : fail(r, SITREP_EEMPTY, p, 0, NULL);
        r->mem->free(p);
        close_input(r);
        return st;
    }
    if (r->buf[i] == '{' && looks_like_jsonl(r, i)) {
        r->mode = MODE_JSONL;
        return SITREP_DONE; /* records come from jsonl_next */
    }
    if (r->buf[i] == '<' && looks_like_feed(r->buf + i, r->len - i)) {
        sitrep_status st = feed_open(r);
        if (st != SITREP_OK) {
            close_input(r);
            return st;
        }
        r->mode = MODE_FEED;
        return SITREP_DONE; /* items come from feed_next */
    }
    if (r->len - i >= 6 && memcmp(r->buf + i, "WARC/", 5) == 0) {
        r->mode = MODE_WARC;
        r->pos = i;
        return SITREP_DONE; /* records come from warc_next */
    }
    char *p = r->path;
    r->path = NULL;
    sitrep_status st = text_file(r, p, out);
    r->mem->free(p);
    return st;
}

sitrep_status sitrep_reader_next(sitrep_reader *r, sitrep_doc **out)
{
    if (!r || !out)
        return SITREP_EARG;
    *out = NULL;
    r->msg[0] = '\0';
    for (;;) {
        if (r->mode == MODE_JSONL || r->mode == MODE_WARC || r->mode == MODE_FEED) {
            sitrep_status st = r->mode == MODE_JSONL ? jsonl_next(r, out)
                               : r->mode == MODE_WARC ? warc_next(r, out)
                                                      : feed_next(r, out);
            if (st == SR_UNWANTED)
                continue; /* a record passed by: the next one */
            if (st != SITREP_DONE)
                return st;
            const char *rerr = input_error(r);
            if (rerr) {
                char *p = r->path;
                r->path = NULL;
                st = fail(r, SITREP_EIO, p, r->line + 1, rerr);
                r->mem->free(p);
                close_input(r);
                return st;
            }
            close_input(r);
            continue;
        }
        char *path;
        if (r->nstack)
            path = r->stack[--r->nstack];
        else if (r->nexttop < r->ntop) {
            path = r->top[r->nexttop++];
            r->ndirs = 0; /* the cycle guard is per walk: a path given twice is read twice */
        }
        else
            return SITREP_DONE;
        bool from_stack = !(r->nexttop > 0 && path == r->top[r->nexttop - 1]);
        sitrep_status st = open_path(r, path, out);
        if (from_stack)
            r->mem->free(path);
        if (st != SITREP_DONE)
            return st;
    }
}
