/*
 * fuzz_htmlguard.c -- the HTML guard (src/clean/htmlguard.c) against
 * libxml2's HTML parser itself: the input goes through sr_html_guard with
 * a cap of 2 attributes per tag, and the copy through libxml2's SAX parser
 * with the options the page reader uses.  Every start tag the parser
 * reports must hold at most 2 attributes: a tag the guard read otherwise
 * than the parser (a comment, script, doctype or quote taken for another
 * construct) could hide an attribute flood.  The cuts must be in order,
 * inside the input, and map the copy back onto it byte for byte.
 */
#include "fuzz_common.h"

#include "clean/htmlguard.h"

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <stdint.h>

#define CAP 2

static void on_start(void *ctx, const xmlChar *name, const xmlChar **atts)
{
    (void)ctx;
    size_t n = 0;
    while (atts && atts[2 * n])
        n++;
    if (n > CAP)
        fprintf(stderr, "<%s> reached the parser with %zu attributes\n", (const char *)name, n);
    FZ_ASSERT(n <= CAP);
}

static void silent(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)fz_mem_reset; /* shared helpers this target does not need */
    (void)fz_check_doc;
    (void)fz_check_status;
    static bool init;
    if (!init) {
        xmlSetGenericErrorFunc(NULL, silent);
        init = true;
    }
    /* the page reader gives the guard valid UTF-8 (the parser would read
     * the rest of a page with an invalid byte as Latin-1): bytes that are
     * not part of valid UTF-8 become '?' */
    char *s = malloc(size + 1);
    if (!s)
        return 0;
    memcpy(s, data, size);
    for (size_t i = 0; i < size;) {
        size_t k = 1, bad;
        while (i + k < size && k < 4 && ((unsigned char)s[i + k] & 0xC0) == 0x80)
            k++;
        if ((unsigned char)s[i] < 0x80) {
            i++;
        } else {
            while (k > 0 && !sr_utf8_valid(s + i, k, &bad))
                k--;
            if (k == 0) {
                s[i++] = '?';
            } else {
                i += k;
            }
        }
    }
    sr_buf cuts;
    sr_buf_init(&cuts, sr_mem_or_default(NULL));
    char *copy = NULL;
    size_t copy_len = 0;
    FZ_ASSERT(sr_html_guard(s, size, CAP, &cuts, &copy, &copy_len) == SITREP_OK);
    size_t n = size;
    if (copy) {
        /* the copy is the page's bytes with the cuts left out */
        size_t nc = SR_VEC_COUNT(&cuts, sr_html_cut), w = 0, prev_skipped = 0;
        FZ_ASSERT(nc > 0);
        for (size_t i = 0; i < nc; i++) {
            sr_html_cut c = SR_VEC_AT(&cuts, sr_html_cut, i);
            FZ_ASSERT(c.at >= w && c.skipped > prev_skipped);
            FZ_ASSERT(memcmp(copy + w, s + w + prev_skipped, c.at - w) == 0);
            w = c.at;
            prev_skipped = c.skipped;
        }
        FZ_ASSERT(copy_len == n - prev_skipped);
        FZ_ASSERT(w <= copy_len && memcmp(copy + w, s + w + prev_skipped, copy_len - w) == 0);
        FZ_ASSERT(sr_html_page_offset(&cuts, copy_len) == n);
        FZ_ASSERT(!memchr(copy, 0, copy_len));
    } else {
        FZ_ASSERT(cuts.len == 0 && !memchr(s, 0, size));
    }
    htmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    sax.startElement = on_start;
    htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(copy ? copy : s, (int)(copy ? copy_len : size));
    if (ctxt) {
        memcpy(ctxt->sax, &sax, sizeof sax);
        ctxt->userData = NULL;
        htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                     HTML_PARSE_NONET | HTML_PARSE_NOIMPLIED | HTML_PARSE_IGNORE_ENC);
        xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
        htmlParseDocument(ctxt);
        htmlFreeParserCtxt(ctxt);
    }
    free(copy);
    free(s);
    sr_buf_free(&cuts);
    return 0;
}
