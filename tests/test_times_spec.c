/*
 * test_times_spec.c -- runs the time expression spec (tests/fixtures/times.spec),
 * cmark style: each case holds a short article, its date and the time
 * expressions sr_find_times must find in it.
 *
 *   test_times_spec TESTS_DIR [CASE-NAME-SUBSTRING]
 *
 * Format:
 *   ### name
 *   date: 2024-07-17                          the anchor (omit: none)
 *   article text
 *   .
 *   quote | from | to | precision | kind [| duration] [| value A..B] [| REL] [| mod M]
 *                                              a time that must be there
 *   ! quote                                    no time has this quote
 *   ? quote | ...                              a known gap: reported, not failed
 *   .
 * `from` and `to` are ISO dates, or `-` when unresolved (durations, sets):
 * the period the expression covers; `value A..B` its own value when that
 * differs ("since 2019": 2019-01-01..2019-12-31), REL its relation
 * ("since", "from", "to", "between", "and", "by", "until", "before",
 * "after"), `mod M` its modifier ("start", "mid", "end").
 * The check is a subset check: times not listed are allowed.
 */
#include "analyse/times.h"
#include "sitrep.h"
#include "spec.h"

#include <stdbool.h>
#include <stdlib.h>

/* One found time as "quote | from | to | precision | kind [| duration]
 * [| value A..B] [| relation] [| mod M]". */
static void describe(const char *src, const sr_time *t, char *out, size_t len)
{
    char f[11] = "-", to[11] = "-", vf[11], vt[11], value[40] = "", rel[24] = "", mod[24] = "";
    if (t->from.year) {
        sr_date_iso(&t->from, f);
        sr_date_iso(&t->to, to);
        if (sr_date_cmp(&t->from, &t->vfrom) != 0 || sr_date_cmp(&t->to, &t->vto) != 0) {
            sr_date_iso(&t->vfrom, vf);
            sr_date_iso(&t->vto, vt);
            snprintf(value, sizeof value, " | value %s..%s", vf, vt);
        }
    }
    if (sr_time_relation_name(t->relation))
        snprintf(rel, sizeof rel, " | %s", sr_time_relation_name(t->relation));
    if (sr_time_mod_name(t->mod))
        snprintf(mod, sizeof mod, " | mod %s", sr_time_mod_name(t->mod));
    snprintf(out, len, "%.*s | %s | %s | %s | %s%s%s%s%s%s", (int)(t->end - t->start), src + t->start, f, to,
             sitrep_precision_name((sitrep_precision)t->precision), sitrep_time_kind_name((sitrep_time_kind)t->kind),
             t->duration[0] ? " | " : "", t->duration, value, rel, mod);
}

/* Splits "a | b | c" into at most `max` trimmed fields; returns how many. */
static int split(char *line, char **f, int max)
{
    int n = 0;
    char *p = line;
    while (n < max) {
        char *bar = strchr(p, '|');
        if (bar)
            *bar = '\0';
        f[n++] = spec_trim(p);
        if (!bar)
            break;
        p = bar + 1;
    }
    return n;
}

/* Does some found time match the expected line?  `why` gets the closest miss. */
static bool matches(const char *src, const sr_time *v, size_t nv, char *line, bool neg, char *why,
                    size_t wl)
{
    char *f[10] = {0};
    int nf = split(line, f, 10);
    size_t ql = strlen(f[0]);
    snprintf(why, wl, "no time quoted '%s'", f[0]);
    for (size_t i = 0; i < nv; i++) {
        if (v[i].end - v[i].start != ql || memcmp(src + v[i].start, f[0], ql) != 0)
            continue;
        if (neg)
            return true;
        if (nf < 5) {
            snprintf(why, wl, "bad expected line");
            return false;
        }
        char got[256];
        describe(src, &v[i], got, sizeof got);
        char want[256];
        size_t w = 0;
        for (int k = 0; k < nf && w < sizeof want; k++)
            w += (size_t)snprintf(want + w, sizeof want - w, "%s%s", k ? " | " : "", f[k]);
        if (strcmp(got, want) == 0)
            return true;
        snprintf(why, wl, "got %s", got);
    }
    return false;
}

typedef struct found {
    const char *input;
    const sr_time *v;
    size_t nv;
} found;

static bool match_time(void *ctx, char *body, bool neg, char *why, size_t whylen)
{
    const found *fd = ctx;
    return matches(fd->input, fd->v, fd->nv, body, neg, why, whylen);
}

static void run_case(const char *name, char *input, char *expect)
{
    sr_date anchor = {0, 0, 0};
    if (strncmp(input, "date:", 5) == 0) {
        char *nl = strchr(input, '\n');
        if (!nl)
            return;
        *nl = '\0';
        if (sscanf(input + 5, " %d-%d-%d", &anchor.year, &anchor.month, &anchor.day) != 3) {
            test_failed++;
            fprintf(stderr, "FAIL [%s]: bad date line\n", name);
            return;
        }
        input = nl + 1;
    }
    sitrep_doc *doc = NULL;
    sr_buf out;
    sr_buf_init(&out, NULL);
    bool ok = sitrep_doc_from_memory("case", input, strlen(input), NULL, NULL, &doc) == SITREP_OK &&
              sr_find_times(doc, &anchor, &out) == SITREP_OK;
    CHECK(ok);
    const sr_time *v = (const sr_time *)(void *)out.data;
    size_t nv = SR_VEC_COUNT(&out, sr_time);
    for (size_t i = 0; i < nv; i++) {
        CHECK(v[i].start < v[i].end && v[i].end <= strlen(input));
        CHECK(i == 0 || v[i - 1].end <= v[i].start);
    }
    found fd = {input, v, nv};
    bool failed = spec_check(name, expect, match_time, &fd);
    if (failed) {
        fprintf(stderr, "  found:\n");
        for (size_t i = 0; i < nv; i++) {
            char d[256];
            describe(input, &v[i], d, sizeof d);
            fprintf(stderr, "    %s\n", d);
        }
    }
    sr_buf_free(&out);
    sitrep_doc_free(doc);
}

/* The day arithmetic the resolver rests on. */
static void calendar_checks(void)
{
    char iso[11];
    sr_date d = {2024, 2, 28};
    sr_date x = sr_date_add_days(&d, 2);
    sr_date_iso(&x, iso);
    CHECK_STR(iso, "2024-03-01");
    d = (sr_date){1998, 1, 8};
    x = sr_date_add_days(&d, -10);
    sr_date_iso(&x, iso);
    CHECK_STR(iso, "1997-12-29");
    CHECK(sr_date_weekday(&d) == 4); /* a Thursday */
    d = (sr_date){2024, 7, 17};
    CHECK(sr_date_weekday(&d) == 3); /* a Wednesday */
    d = (sr_date){2024, 3, 31};
    x = sr_date_add_months(&d, -1);
    sr_date_iso(&x, iso);
    CHECK_STR(iso, "2024-02-29");
    x = sr_date_add_months(&d, -15);
    sr_date_iso(&x, iso);
    CHECK_STR(iso, "2022-12-31");
    d = (sr_date){1900, 1, 1};
    CHECK(sr_date_weekday(&d) == 1); /* a Monday */
    CHECK(sr_days_in_month(2100, 2) == 28 && sr_days_in_month(2000, 2) == 29);
    CHECK(sr_weekday_number("Thurs", 5) == 4 && sr_weekday_number("Sunday", 6) == 7);
    CHECK(sr_weekday_number("Sundae", 6) == 0);
    CHECK_STR(sitrep_precision_name(SITREP_PRECISION_HALF), "half");
    CHECK_STR(sitrep_time_kind_name(SITREP_TIME_SET), "set");
}

int main(int argc, char **argv)
{
    calendar_checks();
    if (!spec_run(argc, argv, "times.spec", 90, run_case))
        return 1;
    return test_summary();
}
