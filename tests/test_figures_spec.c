/*
 * test_figures_spec.c -- runs the figures spec (tests/fixtures/figures.spec),
 * cmark style: each case holds a sentence or two and the figures
 * sr_find_figures() must report for it.
 *
 *   test_figures_spec TESTS_DIR [CASE-NAME-SUBSTRING]
 *
 * Format:
 *   ### name
 *   text
 *   .
 *   quote | low | high | qualifier | unit | measure   a figure that must be there
 *   ! quote                                           no figure has exactly this quote
 *   ? ...                                             a known gap: counted, not failed
 *   .
 * `quote` is the figure's bytes exactly; low/high compare with a relative
 * tolerance of 1e-3; unit `-` is a count; measure `-` means none found.
 * The check is a subset check: figures not listed are allowed.
 */
#include "analyse/figures.h"
#include "spec.h"

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>

static bool num_eq(double a, double b)
{
    return fabs(a - b) <= 1e-3 * fmax(1.0, fmax(fabs(a), fabs(b)));
}

typedef struct figs {
    const char *src;
    const sr_figure *f;
    size_t n;
} figs;

static bool quote_is(const figs *fs, const sr_figure *f, const char *q)
{
    size_t n = strlen(q);
    return f->end - f->start == n && memcmp(fs->src + f->start, q, n) == 0;
}

static void describe(const figs *fs, const sr_figure *f, char *out, size_t len)
{
    int m = (int)(f->measure_end - f->measure_start);
    snprintf(out, len, "%.*s | %g | %g | %s | %s | %.*s", (int)(f->end - f->start),
             fs->src + f->start, f->low, f->high, sitrep_qualifier_name((sitrep_qualifier)f->qualifier),
             f->unit[0] ? f->unit : "-", m ? m : 1, m ? fs->src + f->measure_start : "-");
}

/* Does some figure match "quote | low | high | qualifier | unit | measure"? */
static bool line_matches(const figs *fs, char *line, bool neg, char *why, size_t whylen)
{
    char *f[6] = {line};
    int nf = 1;
    for (char *p = line; nf < 6 && (p = strchr(p, '|')) != NULL; p++) {
        *p = '\0';
        f[nf++] = p + 1;
    }
    for (int i = 0; i < nf; i++)
        f[i] = spec_trim(f[i]);
    const char *quote = f[0];
    snprintf(why, whylen, "no figure quoting '%s'", quote);
    for (size_t i = 0; i < fs->n; i++) {
        const sr_figure *g = &fs->f[i];
        if (!quote_is(fs, g, quote))
            continue;
        if (neg)
            return true;
        if (nf < 6) {
            snprintf(why, whylen, "malformed expectation (needs 6 fields)");
            return false;
        }
        char got[512];
        describe(fs, g, got, sizeof got);
        const char *mq = f[5];
        size_t ml = g->measure_end - g->measure_start;
        bool ok = num_eq(g->low, strtod(f[1], NULL)) && num_eq(g->high, strtod(f[2], NULL)) &&
                  strcmp(sitrep_qualifier_name((sitrep_qualifier)g->qualifier), f[3]) == 0 &&
                  strcmp(g->unit[0] ? g->unit : "-", f[4]) == 0 &&
                  (strcmp(mq, "-") == 0 ? ml == 0
                                        : ml == strlen(mq) && memcmp(fs->src + g->measure_start, mq, ml) == 0);
        if (ok)
            return true;
        snprintf(why, whylen, "got '%s'", got);
    }
    return false;
}

static void dump(const figs *fs)
{
    for (size_t i = 0; i < fs->n; i++) {
        char got[512];
        describe(fs, &fs->f[i], got, sizeof got);
        fprintf(stderr, "    %s\n", got);
    }
}

static bool match_figure(void *ctx, char *body, bool neg, char *why, size_t whylen)
{
    return line_matches(ctx, body, neg, why, whylen);
}

static void run_case(const char *name, char *input, char *expect)
{
    /* A one-line text without a final stop may be read as a headline and
     * dropped: a title line first keeps the case's text in the body. */
    size_t ilen = strlen(input);
    char *text = malloc(ilen + 32);
    if (!text)
        return;
    snprintf(text, ilen + 32, "Report\n\n%s", input);
    sitrep_doc *doc = NULL;
    sr_buf out;
    sr_buf_init(&out, NULL);
    bool ok = sitrep_doc_from_memory("case", text, strlen(text), NULL, NULL, &doc) == SITREP_OK &&
              sr_find_figures(doc, &out) == SITREP_OK;
    CHECK(ok);
    figs fs = {text, (const sr_figure *)(void *)out.data, SR_VEC_COUNT(&out, sr_figure)};
    /* every figure lies inside the text and in order */
    for (size_t i = 0; i < fs.n; i++) {
        CHECK(fs.f[i].start < fs.f[i].end && fs.f[i].end <= strlen(text));
        CHECK(i == 0 || fs.f[i - 1].start < fs.f[i].start);
    }
    bool failed = spec_check(name, expect, match_figure, &fs);
    if (failed || getenv("SPEC_DUMP")) {
        fprintf(stderr, "  figures found in [%s]:\n", name);
        dump(&fs);
    }
    sr_buf_free(&out);
    sitrep_doc_free(doc);
    free(text);
}

int main(int argc, char **argv)
{
    if (!spec_run(argc, argv, "figures.spec", 80, run_case))
        return 1;
    return test_summary();
}
