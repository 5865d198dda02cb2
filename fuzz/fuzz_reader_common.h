/*
 * fuzz_reader_common.h -- driving a sitrep_reader over files the fuzz
 * targets write into a private temporary directory.
 */
#ifndef SITREP_FUZZ_READER_COMMON_H
#define SITREP_FUZZ_READER_COMMON_H

#include "fuzz_common.h"

#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

static char fz_dir[64];

static int fz_rm_cb(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb, (void)flag, (void)ftw;
    return remove(path);
}

static void fz_rm_dir(void)
{
    if (fz_dir[0])
        nftw(fz_dir, fz_rm_cb, 16, FTW_DEPTH | FTW_PHYS);
}

/* The private directory, made on first use and removed at exit. */
static const char *fz_tmpdir(void)
{
    if (!fz_dir[0]) {
        const char *base = getenv("TMPDIR");
        snprintf(fz_dir, sizeof fz_dir, "%s/sitrep-fuzz-XXXXXX",
                 base && *base && strlen(base) < 30 ? base : "/tmp");
        FZ_ASSERT(mkdtemp(fz_dir) != NULL);
        atexit(fz_rm_dir);
    }
    return fz_dir;
}

static void fz_write_file(const char *path, const void *data, size_t size)
{
    FILE *f = fopen(path, "wb");
    FZ_ASSERT(f != NULL);
    FZ_ASSERT(size == 0 || fwrite(data, 1, size, f) == size);
    FZ_ASSERT(fclose(f) == 0);
}

/* Line number in "PATH:LINE: ..." after `path`, 0 when there is none. */
static size_t fz_msg_line(const char *msg, const char *path)
{
    size_t n = strlen(path);
    if (strncmp(msg, path, n) != 0 || msg[n] != ':')
        return 0;
    const char *p = msg + n + 1;
    size_t line = 0;
    if (*p < '0' || *p > '9')
        return 0;
    while (*p >= '0' && *p <= '9')
        line = line * 10 + (size_t)(*p++ - '0');
    return *p == ':' ? line : 0;
}

typedef struct fz_result {
    size_t docs, errors;
    sitrep_status first;  /* the first result (the first input's) */
    size_t first_len;     /* its source length when a document */
} fz_result;

/* Reads every document of `r` (whose inputs are `paths`), checking each
 * document, each message and that the reader ends within `max_calls`.
 * When `first_doc` is not NULL and the first result is a document, it is
 * kept there (the caller frees it); otherwise *first_doc is NULL. */
static fz_result fz_drive(sitrep_reader *r, const char *const *paths, size_t npaths,
                          size_t max_calls, size_t max_bytes, size_t max_line, sitrep_doc **first_doc)
{
    if (first_doc)
        *first_doc = NULL;
    fz_result res = {0, 0, SITREP_DONE, 0};
    for (size_t calls = 0;; calls++) {
        FZ_ASSERT(calls < max_calls); /* the reader must terminate */
        sitrep_doc *doc = (sitrep_doc *)1;
        sitrep_status st = sitrep_reader_next(r, &doc);
        fz_check_status(st);
        if (calls == 0)
            res.first = st;
        if (st == SITREP_DONE) {
            FZ_ASSERT(doc == NULL);
            break;
        }
        if (st == SITREP_OK) {
            FZ_ASSERT(doc != NULL);
            size_t len;
            sitrep_doc_source(doc, &len);
            FZ_ASSERT(len <= max_bytes);
            if (calls == 0)
                res.first_len = len;
            fz_check_doc(doc, NULL, 0);
            if (calls == 0 && first_doc)
                *first_doc = doc;
            else
                sitrep_doc_free(doc);
            res.docs++;
            continue;
        }
        FZ_ASSERT(doc == NULL);
        FZ_ASSERT(st != SITREP_EARG);
        res.errors++;
        FZ_ASSERT(sitrep_reader_skipped(r) == res.errors);
        const char *msg = sitrep_reader_message(r);
        FZ_ASSERT(msg != NULL && msg[0] != '\0');
        if (!fz_skip_known())
            fz_check_str(msg); /* strings from the library are UTF-8 */
        /* "PATH[:LINE]: problem" naming one of the inputs */
        bool named = false;
        for (size_t i = 0; i < npaths; i++) {
            size_t n = strlen(paths[i]);
            if (strncmp(msg, paths[i], n) == 0 && msg[n] == ':') {
                named = true;
                size_t line = fz_msg_line(msg, paths[i]);
                FZ_ASSERT(line <= max_line);
            }
        }
        if (!named)
            fprintf(stderr, "message names no input: %s\n", msg);
        FZ_ASSERT(named);
    }
    /* DONE is sticky */
    sitrep_doc *doc = (sitrep_doc *)1;
    FZ_ASSERT(sitrep_reader_next(r, &doc) == SITREP_DONE && doc == NULL);
    FZ_ASSERT(sitrep_reader_skipped(r) == res.errors);
    return res;
}

/* The offset of the input's first byte other than a blank or a UTF-8 byte
 * order mark (any number of each, in any order), as the reader's sniffing
 * skips them (src/read/reader.c first_byte). */
static inline size_t fz_first_byte(const uint8_t *d, size_t n)
{
    size_t i = 0;
    for (;;) {
        while (i < n && (d[i] == ' ' || d[i] == '\n' || d[i] == '\r' || d[i] == '\t'))
            i++;
        if (i + 3 <= n && memcmp(d + i, "\xEF\xBB\xBF", 3) == 0)
            i += 3;
        else
            return i;
    }
}

/* Does the input open (after blanks and BOMs) with '{', as JSON Lines do? */
static inline bool starts_with_brace(const uint8_t *d, size_t n)
{
    size_t i = fz_first_byte(d, n);
    return i < n && d[i] == '{';
}

/* Lines as a reader may number them: "\n", "\r\n" and a lone "\r" (a
 * feed's line ends are normalised so) each end one. */
static size_t fz_count_lines(const uint8_t *data, size_t size)
{
    size_t n = 1;
    for (size_t i = 0; i < size; i++)
        if (data[i] == '\n' || (data[i] == '\r' && (i + 1 >= size || data[i + 1] != '\n')))
            n++;
    return n;
}

/* An upper bound on the documents and messages a file can give: one per
 * line, one per '<' (a feed's items may share a line), and a few more. */
static inline size_t fz_max_results(const uint8_t *data, size_t size)
{
    size_t n = fz_count_lines(data, size) + 8;
    for (size_t i = 0; i < size; i++)
        n += data[i] == '<';
    return n;
}

#endif
