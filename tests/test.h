/*
 * test.h -- a minimal test harness: CHECK records a failure with its line
 * and goes on; test_summary() prints the plain closing line
 * "N passed, N failed" and returns the exit status.
 */
#ifndef SITREP_TEST_H
#define SITREP_TEST_H

#include <stdio.h>
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

static inline int test_summary(void)
{
    printf("%d passed, %d failed\n", test_passed, test_failed);
    return test_failed ? 1 : 0;
}

#endif
