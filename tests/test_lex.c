/*
 * test_lex.c -- the compiled rule lexicons (src/data/lex.h): every entry
 * is found by its own text in any case, a phrase is matched over the words
 * it is made of and no further, rows and values are where the class says,
 * and words that are in no lexicon are not found.
 */
#include "data/lex.h"
#include "test.h"

#include <ctype.h>

static void upper(char *s)
{
    for (; *s; s++)
        *s = (char)toupper((unsigned char)*s);
}

int main(void)
{
    const sr_lexicon *L = &sr_lexicon_data;
    CHECK(L->nclasses == SR_LEX_NCLASSES);
    CHECK(L->nentries > 1);

    /* every class has an entry and a home in data/lex */
    for (uint32_t c = 0; c < L->nclasses; c++) {
        size_t members = 0;
        for (uint32_t id = 1; id < L->nentries; id++)
            members += sr_lex_in(id, (enum sr_lexclass)c);
        CHECK(members > 0);
        CHECK(strncmp(L->classes[c].file, "data/lex/", 9) == 0);
        CHECK(L->classes[c].maxwords >= 1 && L->classes[c].maxwords <= 8);
    }

    char buf[256];
    size_t phrases = 0, rows_seen = 0;
    for (uint32_t id = 1; id < L->nentries; id++) {
        size_t n;
        const char *t = sr_lex_text(id, &n);
        CHECK(n > 0 && n < sizeof buf && strlen(t) == n);
        /* found by its text, folded or not */
        CHECK(sr_lex_find(t, n) == id);
        memcpy(buf, t, n + 1);
        upper(buf);
        CHECK(sr_lex_find(buf, n) == id);
        /* not by a prefix or an extension of it */
        if (n > 1)
            CHECK(sr_lex_find(t, n - 1) != id);
        memcpy(buf, t, n);
        buf[n] = 'q';
        CHECK(sr_lex_find(buf, n + 1) != id);

        for (uint32_t c = 0; c < L->nclasses; c++) {
            enum sr_lexclass k = (enum sr_lexclass)c;
            const int32_t *rows;
            size_t nr = sr_lex_rows(id, k, &rows);
            if (L->classes[c].ncols == 0 || !sr_lex_in(id, k)) {
                CHECK(nr == 0);
                CHECK(sr_lex_value(id, k, 0) == 0);
                continue;
            }
            CHECK(nr >= 1);
            CHECK(sr_lex_value(id, k, 0) == rows[0]);
            rows_seen += nr;
        }

        /* a phrase: its words as tokens match it whole, in upper case too,
         * with words after it left alone */
        if (memchr(t, ' ', n)) {
            phrases++;
            const char *w[10];
            size_t wl[10], nw = 0;
            memcpy(buf, t, n + 1);
            upper(buf);
            for (char *p = buf; *p && nw < 9;) {
                char *sp = strchr(p, ' ');
                w[nw] = p;
                wl[nw] = sp ? (size_t)(sp - p) : strlen(p);
                nw++;
                if (!sp)
                    break;
                p = sp + 1;
            }
            w[nw] = "zzyzx";
            wl[nw] = 5;
            for (uint32_t c = 0; c < L->nclasses; c++) {
                if (!sr_lex_in(id, (enum sr_lexclass)c))
                    continue;
                sr_lexid got;
                CHECK(sr_lex_heads(sr_lex_find(w[0], wl[0]), (enum sr_lexclass)c));
                size_t m = sr_lex_phrase((enum sr_lexclass)c, w, wl, nw + 1, 0, &got);
                CHECK(m >= nw); /* a longer phrase of the class may extend it, never "zzyzx" */
                CHECK(m == nw ? got == id : got != 0);
            }
        }
    }
    printf("lexicon: %u entries, %u classes, %zu phrases, %zu table rows\n", L->nentries - 1,
           L->nclasses, phrases, rows_seen);

    /* words in no lexicon */
    CHECK(sr_lex_find("", 0) == 0);
    CHECK(sr_lex_find("zzyzx", 5) == 0);
    CHECK(!sr_lex_in(0, (enum sr_lexclass)0));
    const char *one[] = {"zzyzx"};
    size_t onel[] = {5};
    sr_lexid none;
    CHECK(sr_lex_phrase((enum sr_lexclass)0, one, onel, 1, 0, &none) == 0 && none == 0);
    /* a [constants] entry is one number with two views: the header's
     * compile-time constant and the table's row */
    CHECK(sr_lex_value(sr_lex_find("history", 7), SR_LEX_EVENTS_HORIZON, SR_LEXCOL_EVENTS_HORIZON_DAYS) ==
          SR_LEXK_EVENTS_HORIZON_HISTORY);
    CHECK(sr_lex_value(sr_lex_find("edge_min", 8), SR_LEX_STORIES_STORY_RULES,
                       SR_LEXCOL_STORIES_STORY_RULES_VALUE) == SR_LEXK_STORIES_STORY_RULES_EDGE_MIN);
    return test_summary();
}
