/*
 * html.c -- HTML text helpers every stage may need (core/html.h): telling
 * a web page from text, reading it in its declared charset, decoding
 * character references.  The page extractor itself is clean/webpage.c.
 */
#include "core/html.h"

#include <libxml/HTMLparser.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

bool sr_looks_like_html(const char *s, size_t n)
{
    size_t i = 0;
    if (n >= 3 && (unsigned char)s[0] == 0xEF && (unsigned char)s[1] == 0xBB && (unsigned char)s[2] == 0xBF)
        i = 3;
    while (i < n && (s[i] == ' ' || s[i] == '\n' || s[i] == '\r' || s[i] == '\t'))
        i++;
    if (i >= n || s[i] != '<')
        return false;
    /* a fragment (a feed item's content) opening with a block or inline tag */
    static const char *const openers[] = {"<p>", "<p ", "<div", "<article", "<section", "<h1", "<h2",
                                          "<h3", "<h4", "<figure", "<ul", "<ol", "<blockquote",
                                          "<table", "<img", "<span", "<strong", "<em>", "<br", NULL};
    for (size_t k = 0; openers[k]; k++) {
        size_t ol = strlen(openers[k]);
        if (n - i >= ol && strncasecmp(s + i, openers[k], ol) == 0)
            return true;
    }
    size_t lim = n - i < 4096 ? n - i : 4096;
    static const char *const marks[] = {"<!doctype html", "<html", "<head", "<body", "<meta", "<title", NULL};
    for (size_t k = 0; marks[k]; k++) {
        size_t ml = strlen(marks[k]);
        for (size_t j = i; j + ml <= i + lim; j++)
            if (strncasecmp(s + j, marks[k], ml) == 0)
                return true;
    }
    return false;
}

size_t sr_utf8_put(uint32_t c, char *out)
{
    if (c < 0x80) {
        out[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        out[0] = (char)(0xC0 | (c >> 6));
        out[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = (char)(0xE0 | (c >> 12));
        out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        out[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (c >> 18));
    out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
    out[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

/* The character reference at s[i] ("&amp;", "&#8217;", "&#x2019;"): its
 * length (from '&' to ';') with *c the character it stands for, or 0. */
size_t sr_html_reference_at(const char *s, size_t n, size_t i, uint32_t *c)
{
    *c = 0;
    if (s[i] != '&')
        return 0;
    const char *semi = memchr(s + i, ';', n - i < 34 ? n - i : 34);
    if (!semi)
        return 0;
    size_t len = (size_t)(semi - (s + i)) - 1; /* between '&' and ';' */
    if (len >= 2 && s[i + 1] == '#') {
        bool hex = s[i + 2] == 'x' || s[i + 2] == 'X';
        size_t k = i + 2 + hex;
        uint32_t v = 0;
        for (; k < (size_t)(semi - s) && v <= 0x10FFFF; k++) {
            int d = s[k] >= '0' && s[k] <= '9' ? s[k] - '0'
                    : hex && (s[k] | 0x20) >= 'a' && (s[k] | 0x20) <= 'f' ? (s[k] | 0x20) - 'a' + 10 : -1;
            if (d < 0)
                break;
            v = v * (hex ? 16u : 10u) + (uint32_t)d;
        }
        if (k != (size_t)(semi - s) || v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
            return 0;
        *c = v;
    } else if (len >= 2 && len < 32) {
        char name[32];
        memcpy(name, s + i + 1, len);
        name[len] = '\0';
        const htmlEntityDesc *e = htmlEntityLookup((const xmlChar *)name);
        if (!e || !e->value)
            return 0;
        *c = e->value;
    } else {
        return 0;
    }
    if (*c == 0xA0)
        *c = ' '; /* a no-break space reads as a space */
    return len + 2;
}

int sr_html_write_unescaped(const char *s, size_t n, sitrep_write_fn write, void *ctx)
{
    size_t from = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t c;
        size_t rl = sr_html_reference_at(s, n, i, &c);
        if (!rl)
            continue;
        char buf[4];
        size_t bl = sr_utf8_put(c, buf);
        if (write(s + from, i - from, ctx) || write(buf, bl, ctx))
            return -1;
        i += rl - 1;
        from = i + 1;
    }
    return write(s + from, n - from, ctx);
}

static void declared_charset(const char *s, size_t n, char *out, size_t cap)
{
    out[0] = '\0';
    size_t lim = n < 8192 ? n : 8192;
    for (size_t i = 0; i + 8 < lim; i++) {
        if (strncasecmp(s + i, "charset", 7) != 0)
            continue;
        size_t k = i + 7;
        while (k < lim && (s[k] == ' ' || s[k] == '='))
            k++;
        while (k < lim && (s[k] == '"' || s[k] == '\''))
            k++;
        size_t m = 0;
        while (k < lim && m + 1 < cap &&
               ((s[k] >= 'a' && s[k] <= 'z') || (s[k] >= 'A' && s[k] <= 'Z') || (s[k] >= '0' && s[k] <= '9') ||
                s[k] == '-' || s[k] == '_'))
            out[m++] = s[k++];
        out[m] = '\0';
        if (m)
            return;
    }
}

sitrep_status sr_html_to_utf8(const char *s, size_t n, const sitrep_mem *mem, char **out, size_t *outlen)
{
    char cs[40];
    declared_charset(s, n, cs, sizeof cs);
    /* a page that declares UTF-8 yet is not: its bytes are windows-1252 */
    if (!cs[0] || strcasecmp(cs, "utf-8") == 0 || strcasecmp(cs, "utf8") == 0 ||
        strcasecmp(cs, "iso-8859-1") == 0 || strcasecmp(cs, "latin1") == 0 ||
        strcasecmp(cs, "us-ascii") == 0)
        snprintf(cs, sizeof cs, "WINDOWS-1252");
    /* a set iconv does not know is read as windows-1252 */
    sitrep_status st = sr_utf8_from_charset(cs, s, n, mem, out, outlen);
    if (st == SITREP_EFORMAT)
        st = sr_utf8_from_charset("WINDOWS-1252", s, n, mem, out, outlen);
    return st == SITREP_EFORMAT ? SITREP_EUTF8 : st;
}
