/*
 * test_claims_spec.c -- runs the claims and attribution spec
 * (tests/fixtures/claims.spec) through the public API: each case is a
 * short article (optionally dated) and the claims sitrep must make of it.
 *
 *   test_claims_spec TESTS_DIR [CASE-NAME-SUBSTRING]
 *
 * Expected lines:
 *   figure | measure | value | qualifier | actor | places | period | attributed_to
 *       a claim one of whose statements is that figure (its exact bytes);
 *       value "153" or "3000-5000"; places joined by " + " (any order);
 *       period "YYYY-MM-DD..YYYY-MM-DD"; "-" none; "*" not checked
 *   claims: N        exactly N claims
 *   ! figure         no claim has that figure
 */
#include "spec_doc.h"

typedef struct found {
    const sitrep_doc *doc;
    const char *src;
} found;

static void describe(const found *fd, size_t i, char *out, size_t len)
{
    sitrep_claim c;
    sitrep_doc_claim(fd->doc, i, &c);
    sitrep_span fig;
    sitrep_doc_claim_span(fd->doc, i, 0, &fig);
    char places[200] = "";
    for (size_t k = 0; k < c.place_count; k++)
        snprintf(places + strlen(places), sizeof places - strlen(places), "%s%s", k ? " + " : "",
                 c.places[k]);
    snprintf(out, len, "%.*s | %s | %g-%g | %s | %s | %s | %s..%s | %s", (int)(fig.end - fig.start),
             fd->src + fig.start, c.measure, c.low, c.high, sitrep_qualifier_name(c.qualifier), c.actor ? c.actor : "-",
             places[0] ? places : "-", c.period_start, c.period_end,
             c.attributed_to ? c.attributed_to : "-");
}

static bool has_figure(const found *fd, size_t i, const char *quote)
{
    sitrep_claim c;
    sitrep_doc_claim(fd->doc, i, &c);
    for (size_t k = 0; k < c.span_count; k++) {
        sitrep_span f;
        sitrep_doc_claim_span(fd->doc, i, k, &f);
        if (f.end - f.start == strlen(quote) && memcmp(fd->src + f.start, quote, f.end - f.start) == 0)
            return true;
    }
    return false;
}

static bool places_are(const sitrep_claim *c, char *want)
{
    if (strcmp(want, "*") == 0)
        return true;
    if (strcmp(want, "-") == 0)
        return c->place_count == 0;
    size_t n = 0;
    for (char *save = NULL, *p = strtok_r(want, "+", &save); p; p = strtok_r(NULL, "+", &save)) {
        p = spec_trim(p);
        bool in = false;
        for (size_t k = 0; k < c->place_count; k++)
            in |= strcmp(c->places[k], p) == 0;
        if (!in)
            return false;
        n++;
    }
    return n == c->place_count;
}

static bool period_is(const sitrep_claim *c, const char *want)
{
    if (strcmp(want, "*") == 0)
        return true;
    if (strcmp(want, "-") == 0)
        return c->period_start[0] == '\0';
    char got[32];
    snprintf(got, sizeof got, "%s..%s", c->period_start, c->period_end);
    return strcmp(got, want) == 0;
}

static bool match_claim(void *ctx, char *body, bool neg, char *why, size_t whylen)
{
    const found *fd = ctx;
    size_t n = sitrep_doc_claim_count(fd->doc);
    if (strncmp(body, "claims:", 7) == 0) {
        size_t want = (size_t)strtoul(body + 7, NULL, 10);
        snprintf(why, whylen, "%zu claims", n);
        return (n == want) != neg;
    }
    char *f[8];
    int nf = spec_fields(body, f, 8);
    snprintf(why, whylen, "no claim with the figure '%s'", f[0]);
    for (size_t i = 0; i < n; i++) {
        if (!has_figure(fd, i, f[0]))
            continue;
        if (neg)
            return true;
        if (nf < 8) {
            snprintf(why, whylen, "malformed expectation (needs 8 fields)");
            return false;
        }
        sitrep_claim c;
        sitrep_doc_claim(fd->doc, i, &c);
        char placebuf[256];
        snprintf(placebuf, sizeof placebuf, "%s", f[5]);
        bool ok = spec_str_is(f[1], c.measure) &&
                  (strcmp(f[2], "*") == 0 || spec_value_is(f[2], c.low, c.high)) &&
                  spec_str_is(f[3], sitrep_qualifier_name(c.qualifier)) && spec_str_is(f[4], c.actor) &&
                  places_are(&c, placebuf) && period_is(&c, f[6]) && spec_str_is(f[7], c.attributed_to);
        if (ok)
            return true;
        /* "found " and the claim, written in place (a copy through a
         * second buffer could be cut, which -O3 warns about) */
        size_t n = (size_t)snprintf(why, whylen, "found ");
        if (n < whylen)
            describe(fd, i, why + n, whylen - n);
    }
    return false;
}

static void run_case(const char *name, char *input, char *expect)
{
    sitrep_doc *doc = spec_doc(name, input);
    if (!doc)
        return;
    size_t len;
    found fd = {doc, sitrep_doc_source(doc, &len)};
    if (spec_check(name, expect, match_claim, &fd)) {
        fprintf(stderr, "  claims:\n");
        for (size_t i = 0; i < sitrep_doc_claim_count(doc); i++) {
            char d[600];
            describe(&fd, i, d, sizeof d);
            fprintf(stderr, "    %s\n", d);
        }
    }
    /* every statement quotes its figure inside its sentence */
    for (size_t i = 0; i < sitrep_doc_claim_count(doc); i++) {
        sitrep_claim c;
        sitrep_doc_claim(doc, i, &c);
        for (size_t k = 0; k < c.span_count; k++) {
            sitrep_span f, s = sitrep_doc_claim_span(doc, i, k, &f);
            CHECK(s.start <= f.start && f.end <= s.end && s.end <= len && f.start < f.end);
        }
    }
    sitrep_doc_free(doc);
}

int main(int argc, char **argv)
{
    if (!spec_run(argc, argv, "claims.spec", 60, run_case))
        return 1;
    return test_summary();
}
