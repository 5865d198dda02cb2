/*
 * test_events_spec.c -- runs the events spec (tests/fixtures/events.spec)
 * through the public API: each case is a short article (optionally dated)
 * and the ACLED-style events sitrep must find in it.
 *
 *   test_events_spec TESTS_DIR [CASE-NAME-SUBSTRING]
 *
 * Expected lines:
 *   event_type | sub_event_type | date | location | country | actors | fatalities | injured
 *       [| perpetrator_confidence]
 *       date "YYYY-MM-DD..YYYY-MM-DD/precision"; actors joined by " + ",
 *       the first is the perpetrator (the found list may hold more, such
 *       as the perpetrator's parent organisation); fatalities and injured
 *       "N qualifier" or "N-M range"; "-" none; "*" not checked
 *   events: N                       exactly N events
 *   ! sub_event_type | location     no such event
 */
#include "spec_doc.h"

typedef struct found {
    const sitrep_doc *doc;
} found;

static void casualty_str(int has, double lo, double hi, const char *q, char *out, size_t len)
{
    if (!has)
        snprintf(out, len, "-");
    else if (lo != hi)
        snprintf(out, len, "%g-%g %s", lo, hi, q);
    else
        snprintf(out, len, "%g %s", lo, q);
}

static void describe(const sitrep_event *e, char *out, size_t len)
{
    char actors[300] = "", fat[64], inj[64];
    for (size_t k = 0; k < e->actor_count; k++)
        snprintf(actors + strlen(actors), sizeof actors - strlen(actors), "%s%s", k ? " + " : "",
                 e->actors[k]);
    casualty_str(e->has_fatalities, e->fatalities_low, e->fatalities_high, sitrep_qualifier_name(e->fatalities_qualifier),
                 fat, sizeof fat);
    casualty_str(e->has_injured, e->injured_low, e->injured_high, sitrep_qualifier_name(e->injured_qualifier), inj,
                 sizeof inj);
    const char *prec = sitrep_precision_name(e->precision), *conf = sitrep_perp_confidence_name(e->perpetrator_confidence);
    snprintf(out, len, "%s | %s | %s..%s/%s | %s | %s | %s | %s | %s | %s", sitrep_event_type_name(e->event_type),
             sitrep_sub_event_name(e->sub_event_type), e->date_start, e->date_end, prec ? prec : "-",
             e->location ? e->location : "-", e->country ? e->country : "-",
             actors[0] ? actors : "-", fat, inj,
             conf ? conf : "-");
}

static bool date_is(const sitrep_event *e, const char *want)
{
    if (strcmp(want, "*") == 0)
        return true;
    if (strcmp(want, "-") == 0)
        return e->date_start[0] == '\0';
    char got[48];
    const char *prec = sitrep_precision_name(e->precision);
    snprintf(got, sizeof got, "%s..%s/%s", e->date_start, e->date_end, prec ? prec : "");
    return strcmp(got, want) == 0;
}

static bool actors_are(const sitrep_event *e, char *want)
{
    if (strcmp(want, "*") == 0)
        return true;
    if (strcmp(want, "-") == 0)
        return e->actor_count == 0;
    size_t n = 0;
    for (char *save = NULL, *p = strtok_r(want, "+", &save); p; p = strtok_r(NULL, "+", &save), n++) {
        p = spec_trim(p);
        if (n == 0) {
            if (e->actor_count == 0 || strcmp(e->actors[0], p) != 0)
                return false;
            continue;
        }
        bool in = false;
        for (size_t k = 1; k < e->actor_count; k++)
            in |= strcmp(e->actors[k], p) == 0;
        if (!in)
            return false;
    }
    return true;
}

static bool casualty_is(const char *want, int has, double lo, double hi, const char *q)
{
    if (strcmp(want, "*") == 0)
        return true;
    if (strcmp(want, "-") == 0)
        return !has;
    if (!has)
        return false;
    char num[64], qual[32] = "exact";
    if (sscanf(want, "%63s %31s", num, qual) < 1)
        return false;
    return spec_value_is(num, lo, hi) && strcmp(qual, q) == 0;
}

static bool match_event(void *ctx, char *body, bool neg, char *why, size_t whylen)
{
    const found *fd = ctx;
    size_t n = sitrep_doc_event_count(fd->doc);
    if (strncmp(body, "events:", 7) == 0) {
        size_t want = (size_t)strtoul(body + 7, NULL, 10);
        snprintf(why, whylen, "%zu events", n);
        return (n == want) != neg;
    }
    char *f[9];
    int nf = spec_fields(body, f, 9);
    if (neg) {
        /* "! sub_event_type | location" */
        for (size_t i = 0; i < n; i++) {
            sitrep_event e;
            sitrep_doc_event(fd->doc, i, &e);
            if (strcmp(sitrep_sub_event_name(e.sub_event_type), f[0]) == 0 && (nf < 2 || spec_str_is(f[1], e.location)))
                return true;
        }
        return false;
    }
    if (nf < 8) {
        snprintf(why, whylen, "malformed expectation (needs 8 fields)");
        return false;
    }
    snprintf(why, whylen, "no %s event at %s", f[1], f[3]);
    for (size_t i = 0; i < n; i++) {
        sitrep_event e;
        sitrep_doc_event(fd->doc, i, &e);
        if (!spec_str_is(f[1], sitrep_sub_event_name(e.sub_event_type)) || !spec_str_is(f[3], e.location))
            continue;
        char actors[256];
        snprintf(actors, sizeof actors, "%s", f[5]);
        bool ok = spec_str_is(f[0], sitrep_event_type_name(e.event_type)) && date_is(&e, f[2]) && spec_str_is(f[4], e.country) &&
                  actors_are(&e, actors) &&
                  casualty_is(f[6], e.has_fatalities, e.fatalities_low, e.fatalities_high,
                              sitrep_qualifier_name(e.fatalities_qualifier)) &&
                  casualty_is(f[7], e.has_injured, e.injured_low, e.injured_high,
                              sitrep_qualifier_name(e.injured_qualifier)) &&
                  (nf < 9 || spec_str_is(f[8], sitrep_perp_confidence_name(e.perpetrator_confidence)));
        if (ok)
            return true;
        /* "found " and the event, written in place (a copy through a
         * second buffer could be cut, which -O3 warns about) */
        size_t n = (size_t)snprintf(why, whylen, "found ");
        if (n < whylen)
            describe(&e, why + n, whylen - n);
    }
    return false;
}

static void run_case(const char *name, char *input, char *expect)
{
    sitrep_doc *doc = spec_doc(name, input);
    if (!doc)
        return;
    size_t len;
    sitrep_doc_source(doc, &len);
    found fd = {doc};
    if (spec_check(name, expect, match_event, &fd)) {
        fprintf(stderr, "  events:\n");
        for (size_t i = 0; i < sitrep_doc_event_count(doc); i++) {
            sitrep_event e;
            sitrep_doc_event(doc, i, &e);
            char d[600];
            describe(&e, d, sizeof d);
            fprintf(stderr, "    %s\n", d);
        }
    }
    for (size_t i = 0; i < sitrep_doc_event_count(doc); i++) {
        sitrep_event e;
        sitrep_doc_event(doc, i, &e);
        CHECK(e.trigger.start < e.trigger.end && e.trigger.end <= len && e.span_count >= 1);
        for (size_t k = 0; k < e.span_count; k++) {
            sitrep_span s = sitrep_doc_event_span(doc, i, k);
            CHECK(s.start < s.end && s.end <= len);
        }
    }
    sitrep_doc_free(doc);
}

int main(int argc, char **argv)
{
    if (!spec_run(argc, argv, "events.spec", 60, run_case))
        return 1;
    return test_summary();
}
