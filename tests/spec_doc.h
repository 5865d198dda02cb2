/*
 * spec_doc.h -- helpers of the spec runners that analyse a whole case
 * through the public API (claims, events): the optional "date:" line,
 * field splitting and value comparison.
 */
#ifndef SITREP_SPEC_DOC_H
#define SITREP_SPEC_DOC_H

#include "spec.h"
#include "sitrep.h"

#include <math.h>

/* Splits `line` at '|' into at most `max` trimmed fields; returns how many. */
static inline int spec_fields(char *line, char **f, int max)
{
    int n = 0;
    f[n++] = line;
    for (char *p = line; n < max && (p = strchr(p, '|')) != NULL; p++) {
        *p = '\0';
        f[n++] = p + 1;
    }
    for (int i = 0; i < n; i++)
        f[i] = spec_trim(f[i]);
    return n;
}

static inline bool spec_num_eq(double a, double b)
{
    return fabs(a - b) <= 1e-3 * fmax(1.0, fmax(fabs(a), fabs(b)));
}

/* "153" or "3000-5000" against low/high. */
static inline bool spec_value_is(const char *want, double low, double high)
{
    char *end;
    double lo = strtod(want, &end), hi = lo;
    if (*end == '-')
        hi = strtod(end + 1, &end);
    return spec_num_eq(lo, low) && spec_num_eq(hi, high);
}

/* Optional / NULL string field: "-" is NULL, "*" anything. */
static inline bool spec_str_is(const char *want, const char *got)
{
    if (strcmp(want, "*") == 0)
        return true;
    if (strcmp(want, "-") == 0)
        return got == NULL || *got == '\0';
    return got != NULL && strcmp(want, got) == 0;
}

/* Analyses a case: an optional "date: YYYY-MM-DD" first line is the
 * document's publication date.  NULL on failure (counted). */
static inline sitrep_doc *spec_doc(const char *name, char *input)
{
    const char *date = NULL;
    if (strncmp(input, "date:", 5) == 0) {
        char *nl = strchr(input, '\n');
        if (!nl)
            return NULL;
        *nl = '\0';
        date = spec_trim(input + 5);
        input = nl + 1;
    }
    sitrep_doc_hints h = {NULL, NULL, date, NULL};
    sitrep_doc *doc = NULL;
    if (sitrep_doc_from_memory("case", input, strlen(input), &h, NULL, &doc) != SITREP_OK) {
        test_failed++;
        fprintf(stderr, "FAIL [%s]: the case text was not analysed\n", name);
        return NULL;
    }
    return doc;
}

#endif
