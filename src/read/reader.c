/*
 * reader.c -- the walk over a reader's paths (sitrep_reader_*): which
 * input comes next and what kind it is.
 *
 * Inputs are files, directories (walked recursively in name order, hidden
 * entries skipped) and "-" for standard input.  Every file is opened
 * through zlib, so .gz inputs are read transparently, and its kind is told
 * by content: JSON Lines (jsonl.c), an RSS or Atom feed (feed.c), a WARC
 * file (warc.c), else one article read whole (text.c).  This file hands
 * each raw input over (sr_read_next); it never analyses one.
 *
 * Memory is bounded by opts.max_input_bytes: a longer article or JSONL line
 * is reported and skipped without being held.  Each skipped input yields
 * one message "PATH[:LINE]: problem" and the reader goes on.
 */
#include "read/read.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- small helpers ---- */

char *sr_read_dup(const sitrep_mem *mem, const char *s)
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

sitrep_status sr_read_fail(sitrep_reader *r, sitrep_status st, const char *path, size_t line,
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

sitrep_status sr_read_refused(sitrep_reader *r, sitrep_status st, const sr_input *in)
{
    return sr_read_fail(r, st, in->path, in->line, in->detail);
}

const sitrep_options *sr_read_options(const sitrep_reader *r)
{
    return &r->opts;
}

void sr_read_utf8_sanitize(const char *s, char *out, size_t cap)
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

void sr_read_file_id(const char *path, char *out, size_t cap)
{
    if (strcmp(path, "<stdin>") == 0) {
        snprintf(out, cap, "stdin");
        return;
    }
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    sr_read_utf8_sanitize(base, out, cap);
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

const char *sr_read_find_bytes(const char *h, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    for (size_t i = 0; i + k <= n; i++)
        if (h[i] == needle[0] && memcmp(h + i, needle, k) == 0)
            return h + i;
    return NULL;
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
        o.max_input_bytes = SR_MAX_INPUT_DEFAULT;
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
    char *p = sr_read_dup(r->mem, path);
    if (!p || !push(r->mem, &r->top, &r->ntop, &r->captop, p)) {
        r->mem->free(p);
        return SITREP_ENOMEM;
    }
    return SITREP_OK;
}

/* Lets go of what the last input yielded borrowed. */
static void release_yielded(sitrep_reader *r)
{
    if (r->record)
        json_decref(r->record);
    r->record = NULL;
    r->mem->free(r->item_path);
    r->item_path = NULL;
}

void sr_read_close_input(sitrep_reader *r)
{
    sr_feed_free(r);
    if (r->gz)
        gzclose(r->gz);
    r->gz = NULL;
    if (r->fd >= 0)
        close(r->fd);
    r->fd = -1;
    r->read_errno = 0;
    r->mem->free(r->path);
    r->path = NULL;
    r->mode = SR_MODE_NONE;
    r->pos = r->len = 0;
    r->eof = false;
    r->nomem = false;
    r->line = 0;
}

void sitrep_reader_free(sitrep_reader *r)
{
    if (!r)
        return;
    release_yielded(r);
    sr_read_close_input(r);
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
    size_t nc = r->cap ? r->cap : (r->chunk ? r->chunk : SR_READ_CHUNK) * 2;
    while (nc < need)
        nc *= 2;
    char *p = r->mem->realloc(r->buf, nc);
    if (!p)
        return false;
    r->buf = p;
    r->cap = nc;
    return true;
}

const char *sr_read_input_error(sitrep_reader *r)
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
bool sr_read_fill(sitrep_reader *r)
{
    if (r->eof)
        return false;
    if (r->pos > 0) {
        memmove(r->buf, r->buf + r->pos, r->len - r->pos);
        r->len -= r->pos;
        r->pos = 0;
    }
    size_t chunk = r->chunk ? r->chunk : SR_READ_CHUNK;
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
    if (r->fd >= 0 && r->pos == 0 && r->mode == SR_MODE_NONE && r->len >= r->size)
        r->eof = true;
    return true;
}

bool sr_read_have(sitrep_reader *r, size_t need)
{
    while (r->len - r->pos < need)
        if (!sr_read_fill(r))
            return false;
    return true;
}

/* ---- paths ---- */

static int name_cmp(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

/* Has this directory been expanded before (through a link)?  Records it. */
static bool seen_dir(sitrep_reader *r, const struct stat *sb)
{
    for (size_t i = 0; i < r->ndirs; i++)
        if (r->dirs[i].dev == sb->st_dev && r->dirs[i].ino == sb->st_ino)
            return true;
    if (r->ndirs == r->capdirs) {
        size_t nc = r->capdirs ? r->capdirs * 2 : 16;
        struct sr_dir_id *p = r->mem->realloc(r->dirs, nc * sizeof *p);
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

/* Pushes a directory's visible entries on the stack, in reverse order so
 * they pop in name order. */
static sitrep_status expand_dir(sitrep_reader *r, const char *path)
{
    struct dirent **list;
    int n = scandir(path, &list, NULL, name_cmp);
    if (n < 0)
        return sr_read_fail(r, SITREP_EIO, path, 0, strerror(errno));
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
    return st == SITREP_OK ? SITREP_OK : sr_read_fail(r, st, path, 0, NULL);
}

/* Fills until a byte other than a blank or a UTF-8 byte order mark shows
 * (or the input ends); returns its offset. */
static size_t first_byte(sitrep_reader *r)
{
    size_t i = 0;
    for (;;) {
        while (i < r->len && (r->buf[i] == ' ' || r->buf[i] == '\n' || r->buf[i] == '\r' ||
                              r->buf[i] == '\t'))
            i++;
        if (i + 3 <= r->len && memcmp(r->buf + i, "\xEF\xBB\xBF", 3) == 0) {
            i += 3;
            continue;
        }
        /* a partial mark at the end of what was read: read on */
        if (i < r->len && !((unsigned char)r->buf[i] == 0xEF && r->len - i < 3 && !r->eof))
            break;
        if (r->len > r->opts.max_input_bytes || !sr_read_fill(r))
            break;
    }
    return i;
}

/* Opens one path: a directory is expanded (SITREP_DONE: nothing read yet),
 * a JSON Lines, feed or WARC file becomes the open input (SITREP_DONE:
 * its records come next), a text file is read whole into *in (SITREP_OK). */
static sitrep_status open_path(sitrep_reader *r, char *path, sr_input *in)
{
    int fd;
    bool is_stdin = strcmp(path, "-") == 0;
    r->chunk = SR_READ_CHUNK;
    if (is_stdin) {
        fd = dup(STDIN_FILENO);
    } else {
        struct stat sb;
        if (stat(path, &sb) != 0)
            return sr_read_fail(r, SITREP_EIO, path, 0, strerror(errno));
        if (S_ISDIR(sb.st_mode)) {
            if (seen_dir(r, &sb))
                return SITREP_DONE; /* a link back into the tree: read once */
            return expand_dir(r, path) == SITREP_OK ? SITREP_DONE : SITREP_EIO;
        }
        if (!S_ISREG(sb.st_mode))
            return sr_read_fail(r, SITREP_EFORMAT, path, 0, "not a regular file");
        fd = open(path, O_RDONLY);
        /* A 6 KB article needs no 64 KB buffers (zlib's and ours, which the
         * allocator would map and the kernel zero for every file): read
         * small files in pieces of their own size. */
        r->size = sb.st_size >= 0 ? (uint64_t)sb.st_size : 0;
        if (sb.st_size >= 0 && (uint64_t)sb.st_size < SR_READ_CHUNK) {
            size_t want = 8192;
            while (want < (size_t)sb.st_size + 1)
                want *= 2;
            r->chunk = want;
        }
    }
    if (fd < 0)
        return sr_read_fail(r, SITREP_EIO, path, 0, strerror(errno));
    /* A regular file is read directly (zlib's transparent mode would copy
     * every byte through its own buffers) until its first bytes show gzip. */
    if (!is_stdin) {
        r->fd = fd;
    } else {
        r->gz = gzdopen(fd, "rb");
        if (!r->gz) {
            close(fd);
            return sr_read_fail(r, SITREP_ENOMEM, path, 0, NULL);
        }
        gzbuffer(r->gz, (unsigned)r->chunk);
    }
    r->path = sr_read_dup(r->mem, is_stdin ? "<stdin>" : path);
    if (!r->path) {
        sr_read_close_input(r);
        return sr_read_fail(r, SITREP_ENOMEM, path, 0, NULL);
    }
    r->pos = r->len = 0;
    r->eof = false;
    r->line = 0;
    if (r->fd >= 0 && sr_read_fill(r) && r->len >= 2 && (unsigned char)r->buf[0] == 0x1f &&
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
            sitrep_status st = sr_read_fail(r, SITREP_EIO, p, 0, "cannot reopen a gzip file");
            r->mem->free(p);
            sr_read_close_input(r);
            return st;
        }
        gzbuffer(r->gz, (unsigned)r->chunk);
    }
    /* Sniff: fill until a non-blank byte shows. */
    size_t i = first_byte(r);
    /* UTF-16 or UTF-32 with a byte order mark: read as UTF-8 (wide.c) */
    if (i == 0 && r->len > 0 && ((unsigned char)r->buf[0] == 0xFF || (unsigned char)r->buf[0] == 0xFE ||
                                 r->buf[0] == 0)) {
        sr_read_have(r, 4);
        sitrep_status w = r->nomem ? SITREP_ENOMEM : sr_read_wide(r);
        if (w == SITREP_OK) {
            i = first_byte(r);
        } else if (w != SITREP_DONE) {
            char *p = r->path, detail[96];
            r->path = NULL;
            snprintf(detail, sizeof detail, "UTF-16 or UTF-32 larger than the %zu-byte limit",
                     r->opts.max_input_bytes);
            sitrep_status st = sr_read_fail(r, w, p, 0, w == SITREP_ETOOBIG ? detail : NULL);
            r->mem->free(p);
            sr_read_close_input(r);
            return st;
        }
    }
    if (r->nomem) {
        char *p = r->path;
        r->path = NULL;
        sitrep_status st = sr_read_fail(r, SITREP_ENOMEM, p, 0, NULL);
        r->mem->free(p);
        sr_read_close_input(r);
        return st;
    }
    /* Only blanks up to the size limit: too large, never "empty" (the rest
     * of the input, unread, may hold an article); sitrep_doc_from_memory
     * checks the size first too. */
    if (r->len > 0 && i >= r->len && r->len > r->opts.max_input_bytes) {
        char *p = r->path;
        r->path = NULL;
        return sr_text_read(r, p, in); /* takes p: ETOOBIG */
    }
    if (r->len == 0 || i >= r->len) {
        char *p = r->path;
        r->path = NULL;
        const char *rerr = sr_read_input_error(r);
        sitrep_status st = rerr ? sr_read_fail(r, SITREP_EIO, p, 0, rerr)
                                : sr_read_fail(r, SITREP_EEMPTY, p, 0, NULL);
        r->mem->free(p);
        sr_read_close_input(r);
        return st;
    }
    if (r->buf[i] == '{' && sr_jsonl_sniff(r, i)) {
        r->mode = SR_MODE_JSONL;
        return SITREP_DONE; /* records come from sr_jsonl_next */
    }
    if (r->buf[i] == '<' && sr_feed_sniff(r, i)) {
        sitrep_status st = sr_feed_open(r);
        if (st != SITREP_OK) {
            sr_read_close_input(r);
            return st;
        }
        r->mode = SR_MODE_FEED;
        return SITREP_DONE; /* items come from sr_feed_next */
    }
    if (r->len - i >= 6 && memcmp(r->buf + i, "WARC/", 5) == 0) {
        r->mode = SR_MODE_WARC;
        r->pos = i;
        return SITREP_DONE; /* records come from sr_warc_next */
    }
    char *p = r->path;
    r->path = NULL;
    return sr_text_read(r, p, in); /* takes p */
}

sitrep_status sr_read_next(sitrep_reader *r, sr_input *in)
{
    memset(in, 0, sizeof *in);
    release_yielded(r);
    r->msg[0] = '\0';
    for (;;) {
        if (r->mode != SR_MODE_NONE) {
            sitrep_status st = r->mode == SR_MODE_JSONL  ? sr_jsonl_next(r, in)
                               : r->mode == SR_MODE_WARC ? sr_warc_next(r, in)
                                                         : sr_feed_next(r, in);
            if (st != SITREP_DONE)
                return st;
            const char *rerr = sr_read_input_error(r);
            if (rerr) {
                char *p = r->path;
                r->path = NULL;
                st = sr_read_fail(r, SITREP_EIO, p, r->line + 1, rerr);
                r->mem->free(p);
                sr_read_close_input(r);
                return st;
            }
            sr_read_close_input(r);
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
        sitrep_status st = open_path(r, path, in);
        if (from_stack)
            r->mem->free(path);
        if (st != SITREP_DONE)
            return st;
    }
}
