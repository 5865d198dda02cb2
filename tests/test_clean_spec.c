/*
 * test_clean_spec.c -- runs the cleaning spec (tests/fixtures/clean.spec),
 * cmark style: each case holds an input article, the cleaned text expected
 * and the expected title, published date, outlet and byline.
 *
 *   test_clean_spec TESTS_DIR [CASE-NAME-SUBSTRING]
 *
 * Format:
 *   ### name
 *   input lines
 *   .
 *   expected cleaned text
 *   .
 *   title: ... | null
 *   published: YYYY-MM-DD | null
 *   outlet: ... | null
 *   byline: name ; name | null
 */
#include "sitrep.h"
#include "test.h"

#include <stdlib.h>


/* Value of "key: value" among the expectation lines, or NULL for "null". */
static const char *field(char *exp, const char *key, char *out, size_t cap)
{
    size_t k = strlen(key);
    for (char *line = exp; line && *line;) {
        char *nl = strchr(line, '\n');
        size_t n = nl ? (size_t)(nl - line) : strlen(line);
        if (n > k && strncmp(line, key, k) == 0 && line[k] == ':') {
            const char *v = line + k + 1;
            size_t vn = n - k - 1;
            while (vn && *v == ' ')
                v++, vn--;
            if (vn == 4 && strncmp(v, "null", 4) == 0)
                return NULL;
            if (vn >= cap)
                vn = cap - 1;
            memcpy(out, v, vn);
            out[vn] = '\0';
            return out;
        }
        line = nl ? nl + 1 : NULL;
    }
    return NULL;
}

static int failures_before;

static void run_case(const char *name, const char *input, size_t in_len, const char *expected,
                     char *meta)
{
    failures_before = test_failed;
    sitrep_doc *d = NULL;
    sitrep_status st = sitrep_doc_from_memory(name, input, in_len, NULL, NULL, &d);
    CHECK(st == SITREP_OK);
    if (st != SITREP_OK) {
        fprintf(stderr, "  in case: %s\n", name);
        return;
    }
    sbuf text = {0};
    CHECK(sitrep_doc_write_text(d, sbuf_write, &text) == SITREP_OK);
    CHECK_STR(text.p ? text.p : "", expected);
    char v[512];
    CHECK_STR(sitrep_doc_title(d), field(meta, "title", v, sizeof v));
    CHECK_STR(sitrep_doc_published(d), field(meta, "published", v, sizeof v));
    CHECK_STR(sitrep_doc_outlet(d), field(meta, "outlet", v, sizeof v));
    char by[512] = "";
    for (size_t i = 0; i < sitrep_doc_byline_count(d); i++)
        snprintf(by + strlen(by), sizeof by - strlen(by), "%s%s", i ? " ; " : "",
                 sitrep_doc_byline(d, i));
    CHECK_STR(by[0] ? by : NULL, field(meta, "byline", v, sizeof v));
    if (test_failed != failures_before)
        fprintf(stderr, "  in case: %s\n", name);
    free(text.p);
    sitrep_doc_free(d);
}

int main(int argc, char **argv)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/fixtures/clean.spec", argc > 1 ? argv[1] : ".");
    size_t len;
    char *spec = read_file(path, &len);
    if (!spec) {
        fprintf(stderr, "cannot read %s\n", path);
        return 1;
    }
    const char *only = argc > 3 ? argv[3] : NULL;
    int cases = 0;
    char *p = strstr(spec, "### ");
    while (p) {
        char *name = p + 4;
        char *nl = strchr(name, '\n');
        if (!nl)
            break;
        *nl = '\0';
        char *input = nl + 1;
        char *next = strstr(input, "\n### ");
        if (next)
            next[1] = '\0', next++;
        /* input ends at a line holding only "."; expected likewise */
        char *dot1 = strstr(input, "\n.\n");
        char *expected = dot1 ? dot1 + 3 : NULL;
        char *dot2 = expected ? strstr(expected - 1, "\n.\n") : NULL;
        if (!dot1 || !dot2) {
            fprintf(stderr, "malformed case: %s\n", name);
            test_failed++;
        } else {
            dot1[1] = '\0'; /* keep the input's final newline */
            if (dot2 < expected) { /* empty expected text */
                expected[-1] = '\0';
                expected = "";
                dot2 = dot1 + 1;
            } else {
                dot2[0] = '\0';
            }
            char *meta = dot2 + 3;
            if (!only || strstr(name, only)) {
                run_case(name, input, strlen(input), expected, meta);
                cases++;
            }
        }
        p = next;
    }
    printf("%d cases\n", cases);
    free(spec);
    return test_summary();
}
