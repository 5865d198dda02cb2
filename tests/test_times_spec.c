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
 *   quote | from | to | precision | kind [| duration]   a time that must be there
 *   ! quote                                    no time has this quote
 *   ? quote | ...                              a known gap: reported, not failed
 *   .
 * `from` and `to` are ISO dates, or `-` when unresolved (durations, sets).
 * The check is a subset check: times not listed are allowed.
 */
#include "analyse/times.h"
#include "sitrep.h"
#include "test.h"

#include <stdbool.h>
#include <stdlib.h>

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    char *e = s + strlen(s);
    while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
        *--e = '\0';
    return s;
}

/* One found time as "quote | from | to | precision | kind [| duration]". */
static void describe(const char *src, const sr_time *t, char *out, size_t len)
{
    char f[11] = "-", to[11] = "-";
    if (t->from.year) {
        sr_date_iso(&t->from, f);
        sr_date_iso(&t->to, to);
    }
    snprintf(out, len, "%.*s | %s | %s | %s | %s%s%s", (int)(t->end - t->start), src + t->start, f, to,
             sr_precision_name(t->precision), sr_time_kind_name(t->kind), t->duration[0] ? " | " : "",
             t->duration);
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
        f[n++] = trim(p);
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
    char *f[6] = {0};
    int nf = split(line, f, 6);
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
        snprintf(want, sizeof want, "%s | %s | %s | %s | %s%s%s", f[0], f[1], f[2], f[3], f[4],
                 nf > 5 ? " | " : "", nf > 5 ? f[5] : "");
        if (strcmp(got, want) == 0)
            return true;
        snprintf(why, wl, "got %s", got);
    }
    return false;
}

static int known_gaps, gaps_closed, failed_cases;

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
    bool failed = false;
    for (char *save = NULL, *l = strtok_r(expect, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
        l = trim(l);
        if (*l == '\0' || *l == '#')
            continue;
        bool gap = l[0] == '?';
        const char *body = gap ? l + 1 : l;
        while (gap && *body == ' ')
            body++;
        bool neg = body[0] == '!';
        char why[512], copy[512];
        snprintf(copy, sizeof copy, "%s", neg ? body + 1 : body);
        bool m = matches(input, v, nv, trim(copy), neg, why, sizeof why);
        if (gap) {
            if (m != neg) {
                gaps_closed++;
                fprintf(stderr, "gap closed [%s]: %s\n", name, l);
            } else {
                known_gaps++;
                if (getenv("SPEC_VERBOSE"))
                    fprintf(stderr, "known gap [%s]: %s: %s\n", name, l, why);
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
    if (failed) {
        failed_cases++;
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
    CHECK_STR(sr_precision_name(SR_PREC_HALF), "half");
    CHECK_STR(sr_time_kind_name(SR_TIME_SET), "set");
}

int main(int argc, char **argv)
{
    calendar_checks();
    char path[4096];
    snprintf(path, sizeof path, "%s/fixtures/times.spec", argc > 1 ? argv[1] : ".");
    size_t spec_len;
    char *spec = read_file(path, &spec_len);
    if (!spec) {
        fprintf(stderr, "cannot read %s\n", path);
        return 1;
    }
    /* ctest passes the shared folder (a path) second: not a case filter */
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
    printf("%d cases (%d failed), %d known gaps (SPEC_VERBOSE=1 lists them), %d gaps now closed\n",
           cases, failed_cases, known_gaps, gaps_closed);
    CHECK(filter || cases >= 90);
    free(spec);
    return test_summary();
}
