/*
 * test_tokens.c -- the token and sentence layer: offsets into the input,
 * kinds, flags, glue repair and sentence boundaries.
 */
#include "sitrep.h"
#include "test.h"

static sitrep_doc *analyse(const char *text)
{
    sitrep_doc *d = NULL;
    sitrep_status st = sitrep_doc_from_memory("t", text, strlen(text), NULL, NULL, &d);
    CHECK(st == SITREP_OK);
    return d;
}

/* The i-th token's bytes, as a string. */
static const char *tok(const sitrep_doc *d, size_t i)
{
    static char buf[128];
    size_t n, len;
    const sitrep_token *t = sitrep_doc_tokens(d, &n);
    const char *src = sitrep_doc_source(d, &len);
    if (i >= n)
        return NULL;
    size_t k = t[i].end - t[i].start;
    if (k >= sizeof buf)
        k = sizeof buf - 1;
    memcpy(buf, src + t[i].start, k);
    buf[k] = '\0';
    return buf;
}

static const char *sentence(const sitrep_doc *d, size_t i)
{
    static char buf[512];
    size_t n, len;
    const sitrep_sentence *s = sitrep_doc_sentences(d, &n);
    const char *src = sitrep_doc_source(d, &len);
    if (i >= n)
        return NULL;
    size_t k = s[i].span.end - s[i].span.start;
    if (k >= sizeof buf)
        k = sizeof buf - 1;
    memcpy(buf, src + s[i].span.start, k);
    buf[k] = '\0';
    return buf;
}

int main(void)
{
    /* Words, numbers, symbols, initialisms, inner hyphens and apostrophes. */
    sitrep_doc *d = analyse(
        "The U.S.-led coalition said 2,500 fighters remain near Dayr az-Zawr, and $10 million was seized; it wasn\xE2\x80\x99t clear.\n");
    size_t n;
    const sitrep_token *t = sitrep_doc_tokens(d, &n);
    CHECK_STR(tok(d, 0), "The");
    CHECK(t[0].flags & SITREP_TOKF_CAP);
    CHECK(t[0].flags & SITREP_TOKF_SENT_START);
    CHECK(t[0].flags & SITREP_TOKF_PARA_START);
    CHECK_STR(tok(d, 1), "U.S.-led");
    CHECK_STR(tok(d, 4), "2,500");
    CHECK(t[4].kind == SITREP_TOK_NUMBER);
    CHECK_STR(tok(d, 8), "Dayr");
    CHECK_STR(tok(d, 9), "az-Zawr");
    /* plain words are ASCII letters only */
    CHECK(t[0].flags & SITREP_TOKF_PLAIN);
    CHECK(t[8].flags & SITREP_TOKF_PLAIN);
    CHECK(!(t[1].flags & SITREP_TOKF_PLAIN));
    CHECK(!(t[4].flags & SITREP_TOKF_PLAIN));
    CHECK(!(t[9].flags & SITREP_TOKF_PLAIN));
    CHECK_STR(tok(d, 10), ",");
    CHECK(t[10].kind == SITREP_TOK_PUNCT);
    CHECK_STR(tok(d, 12), "$");
    CHECK(t[12].kind == SITREP_TOK_SYMBOL);
    CHECK_STR(tok(d, 13), "10");
    CHECK_STR(tok(d, 19), "wasn\xE2\x80\x99t");
    CHECK(!(t[19].flags & SITREP_TOKF_PLAIN));
    sitrep_doc_free(d);

    /* Offsets point into the original bytes, with non-ASCII letters. */
    d = analyse("Officials in Z\xC3\xBCrich and \xD8\xA8\xD8\xBA\xD8\xAF\xD8\xA7\xD8\xAF met.\n");
    CHECK_STR(tok(d, 2), "Z\xC3\xBCrich");
    CHECK_STR(tok(d, 4), "\xD8\xA8\xD8\xBA\xD8\xAF\xD8\xA7\xD8\xAF");
    sitrep_doc_free(d);

    /* Sentences: abbreviations and initials do not end them. */
    d = analyse("Gen. Michael E. Kurilla spoke on Jan. 5 about the U.S. presence. The talks in the U.S. The "
                "army left. \xE2\x80\x9CWe will stay,\xE2\x80\x9D he said. Was it over? Yes!\n");
    CHECK_STR(sentence(d, 0), "Gen. Michael E. Kurilla spoke on Jan. 5 about the U.S. presence.");
    CHECK_STR(sentence(d, 1), "The talks in the U.S.");
    CHECK_STR(sentence(d, 2), "The army left.");
    CHECK_STR(sentence(d, 3), "\xE2\x80\x9CWe will stay,\xE2\x80\x9D he said.");
    CHECK_STR(sentence(d, 4), "Was it over?");
    CHECK_STR(sentence(d, 5), "Yes!");
    sitrep_doc_free(d);

    /* Glued words become separate tokens flagged as repaired, and the
     * cleaned text gets the missing spaces. */
    d = analyse("Troops moved inIraq as the USmaintains bases,also near the border.The end came.\n");
    CHECK_STR(tok(d, 2), "in");
    CHECK(sitrep_doc_tokens(d, &n)[2].flags & SITREP_TOKF_REPAIRED);
    CHECK_STR(tok(d, 3), "Iraq");
    CHECK_STR(tok(d, 6), "US");
    CHECK_STR(tok(d, 7), "maintains");
    char text[256] = "";
    struct {
        char *p;
        size_t n;
    } sink = {text, 0};
    extern int sink_write(const char *, size_t, void *);
    CHECK(sitrep_doc_write_text(d, sink_write, &sink) == SITREP_OK);
    CHECK_STR(text, "Troops moved in Iraq as the US maintains bases, also near the border. The end came.");
    CHECK_STR(sentence(d, 0), "Troops moved inIraq as the USmaintains bases,also near the border.");
    sitrep_doc_free(d);
    /* Hard-wrapped paragraphs: a sentence goes on across wrapped lines, but
     * not across a heading or a blank line. */
    d = analyse("Convoy hit near Hit\n\nTroops said on Monday that a convoy was hit near the town\r\n"
                "of Hit, and that\nthree soldiers died.\nNew heading\nThe next one.\n\nA last one.\n");
    CHECK_STR(sentence(d, 0), "Troops said on Monday that a convoy was hit near the town\r\nof Hit, and that\nthree soldiers died.");
    CHECK_STR(sentence(d, 1), "New heading");
    CHECK_STR(sentence(d, 2), "The next one.");
    CHECK_STR(sentence(d, 3), "A last one.");
    sitrep_doc_free(d);
    /* A wrapped line that ends in an abbreviation or an initialism does not
     * end its sentence by itself: the next word decides, as within a line
     * (mixed case and capitals alike). */
    d = analyse("Officials said a car bomb went off outside the U.S.\nConsulate in the port on Friday, "
                "and guards fired at the men who left it near the gate at 6 a.m.\n"
                "The police said two were held.\n");
    CHECK_STR(sentence(d, 0), "Officials said a car bomb went off outside the U.S.\nConsulate in the port on Friday, "
                              "and guards fired at the men who left it near the gate at 6 a.m.");
    CHECK_STR(sentence(d, 1), "The police said two were held.");
    sitrep_doc_free(d);
    d = analyse("OFFICIALS SAID A CAR BOMB WENT OFF OUTSIDE THE U.S.\nCONSULATE IN THE PORT ON FRIDAY, "
                "AND GUARDS FIRED AT THE MEN WHO LEFT IT NEAR THE GATE AT 6 A.M.\n"
                "THE POLICE SAID TWO WERE HELD.\n");
    CHECK_STR(sentence(d, 1), "THE POLICE SAID TWO WERE HELD.");
    CHECK(sentence(d, 2) == NULL);
    sitrep_doc_free(d);
    /* A page whose tag names hold non-ASCII letters: every token and
     * dropped span starts and ends on a character, never inside one (found
     * by fuzz_warc: the parser stood a byte into the text's first letter). */
    char page[256];
    size_t pl = 0;
    pl += (size_t)snprintf(page + pl, sizeof page - pl, "\n<html><Wa\rS=");
    for (int k = 0; k < 24; k++)
        pl += (size_t)snprintf(page + pl, sizeof page - pl, "\xC2\xB8"); /* cedilla */
    pl += (size_t)snprintf(page + pl, sizeof page - pl, "><W");
    for (int k = 0; k < 8; k++)
        pl += (size_t)snprintf(page + pl, sizeof page - pl, "\xC3\xB1"); /* n tilde */
    pl += (size_t)snprintf(page + pl, sizeof page - pl, ">C-");
    for (int k = 0; k < 26; k++)
        pl += (size_t)snprintf(page + pl, sizeof page - pl, "\xC3\xB1");
    d = analyse(page);
    const sitrep_token *pt = sitrep_doc_tokens(d, &n);
    CHECK(n > 0);
    for (size_t i = 0; i < n; i++) {
        CHECK((page[pt[i].start] & 0xC0) != 0x80);
        CHECK(pt[i].end >= pl || (page[pt[i].end] & 0xC0) != 0x80);
    }
    for (size_t i = 0; i < sitrep_doc_dropped_count(d); i++) {
        sitrep_span sp = sitrep_doc_dropped(d, i, NULL);
        CHECK(sp.start >= pl || (page[sp.start] & 0xC0) != 0x80);
        CHECK(sp.end >= pl || (page[sp.end] & 0xC0) != 0x80);
    }
    sitrep_doc_free(d);
    /* A page whose parser offset falls back toward its start after a
     * broken start tag: the tokens and dropped spans still go front to back,
     * the text taken once (found by fuzz_warc: the whole text tokenized
     * twice, the second time from near the page's start). */
    pl = 0;
    pl += (size_t)snprintf(page + pl, sizeof page - pl, "\n<htmlS=>)-\xC3\xBF<Wa\rS=");
    for (int k = 0; k < 26; k++)
        pl += (size_t)snprintf(page + pl, sizeof page - pl, "\xC2\xB8"); /* cedilla */
    pl += (size_t)snprintf(page + pl, sizeof page - pl, "\na>8\xE2\x80\x93" "CC");
    d = analyse(page);
    pt = sitrep_doc_tokens(d, &n);
    for (size_t i = 1; i < n; i++)
        CHECK(pt[i].start >= pt[i - 1].end);
    size_t prev_end = 0;
    for (size_t i = 0; i < sitrep_doc_dropped_count(d); i++) {
        sitrep_span sp = sitrep_doc_dropped(d, i, NULL);
        CHECK(sp.start >= prev_end);
        prev_end = sp.end;
    }
    sitrep_doc_free(d);
    return test_summary();
}

int sink_write(const char *data, size_t len, void *ctx)
{
    struct {
        char *p;
        size_t n;
    } *s = ctx;
    if (s->n + len >= 256)
        return -1;
    memcpy(s->p + s->n, data, len);
    s->n += len;
    s->p[s->n] = '\0';
    return 0;
}
