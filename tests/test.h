/*
 * test.h -- a minimal test harness: CHECK records a failure with its line
 * and goes on; test_summary() prints the plain closing line
 * "N passed, N failed" and returns the exit status.
 */
#ifndef SITREP_TEST_H
#define SITREP_TEST_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int test_passed, test_failed;

#define CHECK(cond)                                                            \
    do {                                                                       \
        if (cond) {                                                            \
            test_passed++;                                                     \
        } else {                                                               \
            test_failed++;                                                     \
            fprintf(stderr, "%s:%d: FAILED: %s\n", __FILE__, __LINE__, #cond); \
        }                                                                      \
    } while (0)

#define CHECK_STR(got, want)                                                           \
    do {                                                                               \
        const char *g_ = (got), *w_ = (want);                                          \
        if ((g_ == NULL && w_ == NULL) || (g_ && w_ && strcmp(g_, w_) == 0)) {         \
            test_passed++;                                                             \
        } else {                                                                       \
            test_failed++;                                                             \
            fprintf(stderr, "%s:%d: FAILED: %s\n  got:  %s\n  want: %s\n", __FILE__, \
                    __LINE__, #got, g_ ? g_ : "(null)", w_ ? w_ : "(null)");           \
        }                                                                              \
    } while (0)

/* A growable string that a sitrep_write_fn can fill (sbuf_write). */
typedef struct sbuf {
    char *p;
    size_t n, cap;
} sbuf;

static inline int sbuf_write(const char *data, size_t len, void *ctx)
{
    sbuf *b = ctx;
    if (b->n + len + 1 > b->cap) {
        b->cap = (b->n + len + 1) * 2;
        b->p = realloc(b->p, b->cap);
        if (!b->p)
            return -1;
    }
    memcpy(b->p + b->n, data, len);
    b->n += len;
    b->p[b->n] = '\0';
    return 0;
}

/* The whole file, NUL-terminated (free it); *len its size.  NULL if it
 * cannot be read. */
static inline char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *p = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (p && fread(p, 1, (size_t)n, f) != (size_t)n) {
        free(p);
        p = NULL;
    }
    if (p)
        p[n] = '\0';
    *len = p ? (size_t)n : 0;
    fclose(f);
    return p;
}

static inline int test_summary(void)
{
    printf("%d passed, %d failed\n", test_passed, test_failed);
    return test_failed ? 1 : 0;
}

#endif
