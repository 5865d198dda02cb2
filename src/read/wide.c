/*
 * wide.c -- an input in UTF-16 or UTF-32 with a byte order mark (what
 * Windows tools save as "Unicode") is read whole and converted to UTF-8
 * before its kind is told: an HTML page, a feed, JSON Lines or text in
 * UTF-16 is read as the same input in UTF-8 (before, it was refused as
 * binary).  Spans count bytes of the converted input, as for a page in
 * another charset (page.c).  A code unit that does not decode (a lone
 * surrogate, a value past U+10FFFF, an odd byte at the end) becomes
 * U+FFFD.
 */
#include "read/read.h"

#include <stdio.h>
#include <string.h>

typedef enum { W_NONE, W_UTF16LE, W_UTF16BE, W_UTF32LE, W_UTF32BE } wide_kind;

static wide_kind kind_of(const unsigned char *b, size_t n)
{
    if (n >= 4 && b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0)
        return W_UTF32LE;
    if (n >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF)
        return W_UTF32BE;
    if (n >= 2 && b[0] == 0xFF && b[1] == 0xFE)
        return W_UTF16LE;
    if (n >= 2 && b[0] == 0xFE && b[1] == 0xFF)
        return W_UTF16BE;
    return W_NONE;
}

static size_t put_utf8(char *o, uint32_t c)
{
    if (c < 0x80) {
        o[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        o[0] = (char)(0xC0 | (c >> 6));
        o[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        o[0] = (char)(0xE0 | (c >> 12));
        o[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        o[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | (c >> 18));
    o[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((c >> 6) & 0x3F));
    o[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

/* Converts b[0, n) (after the mark) into out (room for 3 bytes per UTF-16
 * unit and 4 per UTF-32 unit); returns the bytes written. */
static size_t convert(wide_kind k, const unsigned char *b, size_t n, char *out)
{
    size_t w = 0;
    if (k == W_UTF32LE || k == W_UTF32BE) {
        size_t i = 0;
        for (; i + 4 <= n; i += 4) {
            uint32_t c = k == W_UTF32LE ? (uint32_t)b[i] | (uint32_t)b[i + 1] << 8 | (uint32_t)b[i + 2] << 16 |
                                              (uint32_t)b[i + 3] << 24
                                        : (uint32_t)b[i + 3] | (uint32_t)b[i + 2] << 8 | (uint32_t)b[i + 1] << 16 |
                                              (uint32_t)b[i] << 24;
            if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
                c = 0xFFFD;
            w += put_utf8(out + w, c);
        }
        if (i < n)
            w += put_utf8(out + w, 0xFFFD);
        return w;
    }
    size_t i = 0;
    for (; i + 2 <= n; i += 2) {
        uint32_t u = k == W_UTF16LE ? (uint32_t)b[i] | (uint32_t)b[i + 1] << 8 : (uint32_t)b[i + 1] | (uint32_t)b[i] << 8;
        if (u >= 0xD800 && u <= 0xDBFF && i + 4 <= n) {
            uint32_t v = k == W_UTF16LE ? (uint32_t)b[i + 2] | (uint32_t)b[i + 3] << 8
                                        : (uint32_t)b[i + 3] | (uint32_t)b[i + 2] << 8;
            if (v >= 0xDC00 && v <= 0xDFFF) {
                w += put_utf8(out + w, 0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00));
                i += 2;
                continue;
            }
        }
        if (u >= 0xD800 && u <= 0xDFFF)
            u = 0xFFFD;
        w += put_utf8(out + w, u);
    }
    if (i < n)
        w += put_utf8(out + w, 0xFFFD);
    return w;
}

sitrep_status sr_read_wide(sitrep_reader *r)
{
    wide_kind k = kind_of((const unsigned char *)r->buf, r->len);
    if (k == W_NONE)
        return SITREP_DONE;
    /* up to four bytes per character: a UTF-32 input four times the limit
     * converts to at most the limit's worth of ASCII */
    size_t raw_limit = r->opts.max_input_bytes > SIZE_MAX / 4 - 8 ? SIZE_MAX / 2 : r->opts.max_input_bytes * 4 + 4;
    while (r->len <= raw_limit && sr_read_fill(r))
        ;
    if (r->nomem)
        return SITREP_ENOMEM;
    if (r->len > raw_limit)
        return SITREP_ETOOBIG;
    size_t mark = k == W_UTF32LE || k == W_UTF32BE ? 4 : 2;
    size_t units = k == W_UTF32LE || k == W_UTF32BE ? (r->len - mark) / 4 + 1 : (r->len - mark) / 2 + 1;
    size_t cap = units * (k == W_UTF32LE || k == W_UTF32BE ? 4 : 3) + 1;
    char *out = r->mem->calloc(1, cap);
    if (!out)
        return SITREP_ENOMEM;
    size_t n = convert(k, (const unsigned char *)r->buf + mark, r->len - mark, out);
    r->mem->free(r->buf);
    r->buf = out;
    r->cap = cap;
    r->len = n;
    r->pos = 0;
    r->eof = true; /* the whole input is in the buffer */
    return SITREP_OK;
}
