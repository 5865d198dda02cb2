/*
 * spec.h -- the cmark-style spec files shared by the spec runners
 * (entities, times, figures):
 *
 *   ### name
 *   input
 *   .
 *   expected line           an item that must be found
 *   ! expected line         one that must not
 *   ? expected line         a known gap: counted and listed, not failed
 *   .
 *
 * spec_run() walks the cases of TESTS_DIR/fixtures/FILE; spec_check()
 * reads one case's expected lines against what a runner found.
 */
#ifndef SITREP_SPEC_H
#define SITREP_SPEC_H

#include "test.h"

#include <stdbool.h>
#include <stdlib.h>

static int spec_known_gaps, spec_gaps_closed, spec_failed_cases;

static inline char *spec_trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    char *e = s + strlen(s);
    while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
        *--e = '\0';
    return s;
}

/* Does some found item fit `body` (the line without its ? and ! marks)?
 * On false, `why` says what came closest. */
typedef bool (*spec_match_fn)(void *ctx, char *body, bool neg, char *why, size_t whylen);

/* Checks the expected lines of case `name`; true when one failed. */
static inline bool spec_check(const char *name, char *expect, spec_match_fn match, void *ctx)
{
    bool failed = false;
    for (char *save = NULL, *l = strtok_r(expect, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
        l = spec_trim(l);
        if (*l == '\0' || *l == '#')
            continue;
        bool gap = l[0] == '?';
        const char *body = gap ? l + 1 : l;
        while (gap && *body == ' ')
            body++;
        bool neg = body[0] == '!';
        char why[600], copy[512];
        snprintf(copy, sizeof copy, "%s", neg ? body + 1 : body);
        why[0] = '\0';
        bool m = match(ctx, spec_trim(copy), neg, why, sizeof why);
        if (gap) {
            /* what sitrep cannot do yet, kept visible */
            if (m != neg) {
                spec_gaps_closed++;
                fprintf(stderr, "gap closed [%s]: %s\n", name, l);
            } else {
                spec_known_gaps++;
                if (getenv("SPEC_VERBOSE"))
                    fprintf(stderr, "known gap [%s]: %s: %s\n", name, l, neg ? "present" : why);
            }
        } else if (m == neg) {
            test_failed++;
            failed = true;
            fprintf(stderr, "FAIL [%s]: %s%s: %s\n", name, neg ? "unexpected " : "", l,
                    neg ? "present" : why);
        } else {
            test_passed++;
        }
    }
    spec_failed_cases += failed;
    return failed;
}

typedef void (*spec_case_fn)(const char *name, char *input, char *expect);

/* Runs every case of TESTS_DIR/fixtures/FILE (TESTS_DIR is argv[1]; an
 * optional argv[2] that is not a path keeps the cases whose name holds it:
 * ctest passes the shared folder there) and checks that at least
 * `min_cases` ran when none were filtered out.  Returns false when the
 * file cannot be read. */
static inline bool spec_run(int argc, char **argv, const char *file, int min_cases,
                            spec_case_fn run_case)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/fixtures/%s", argc > 1 ? argv[1] : ".", file);
    size_t len;
    char *spec = read_file(path, &len);
    if (!spec) {
        fprintf(stderr, "cannot read %s\n", path);
        return false;
    }
    const char *filter = argc > 2 && argv[2][0] && argv[2][0] != '/' ? argv[2] : NULL;
    int cases = 0;
    char *p = spec;
    while ((p = strstr(p, "### ")) != NULL) {
        if (p != spec && p[-1] != '\n') {
            p += 4;
            continue;
        }
        char *name = p + 4;
        char *nl = strchr(name, '\n');
        if (!nl)
            break;
        *nl = '\0';
        char *input = nl + 1;
        char *dot = strstr(input, "\n.\n");
        if (!dot)
            break;
        dot[1] = '\0';
        char *expect = dot + 3;
        char *end = strstr(expect, "\n.\n");
        if (!end && (end = strstr(expect, "\n.")) == NULL)
            break;
        *end = '\0';
        p = end + 2;
        if (filter && !strstr(name, filter))
            continue;
        cases++;
        run_case(name, input, expect);
    }
    printf("%s: %d cases (%d failed), %d known gaps (SPEC_VERBOSE=1 lists them), "
           "%d gaps now closed\n",
           file, cases, spec_failed_cases, spec_known_gaps, spec_gaps_closed);
    CHECK(filter || cases >= min_cases);
    free(spec);
    return true;
}

#endif
