/*
 * utf8.c -- UTF-8 validation and character classes, over utf8proc.
 * ASCII takes a fast path; everything else asks utf8proc's tables.
 */
#include "core.h"

#include <iconv.h>
#include <string.h>
#include <utf8proc.h>

bool sr_utf8_valid(const char *s, size_t n, size_t *bad_at)
{
    size_t i = 0;
    while (i < n) {
        /* Skip ASCII eight bytes at a time. */
        while (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (w & 0x8080808080808080ull)
                break;
            i += 8;
        }
        if (i >= n)
            break;
        if ((unsigned char)s[i] < 0x80) {
            i++;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                              (utf8proc_ssize_t)(n - i), &cp);
        if (k < 0) {
            if (bad_at)
                *bad_at = i;
            return false;
        }
        i += (size_t)k;
    }
    return true;
}

size_t sr_utf8_decode_slow(const char *s, size_t n, size_t i, int32_t *cp)
{
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    utf8proc_int32_t v;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                          (utf8proc_ssize_t)(n - i), &v);
    if (k <= 0) {
        *cp = 0xFFFD;
        return 1;
    }
    *cp = v;
    return (size_t)k;
}

size_t sr_utf8_prev(const char *s, size_t i)
{
    if (i == 0)
        return 0;
    i--;
    while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
        i--;
    return i;
}

size_t sr_utf8_copy(char *dst, size_t cap, const char *s, size_t n)
{
    if (cap == 0)
        return 0;
    if (n >= cap) {
        n = cap - 1;
        /* back off to the start of a code point when the cut lands in one */
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
    }
    memcpy(dst, s, n);
    dst[n] = '\0';
    return n;
}

bool sr_cp_is_letter_slow(int32_t cp)
{
    if (cp < 0x80)
        return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
    utf8proc_category_t c = utf8proc_category(cp);
    return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
           (c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME);
}

bool sr_cp_is_upper_slow(int32_t cp)
{
    if (cp < 0x80)
        return cp >= 'A' && cp <= 'Z';
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_LU ||
           utf8proc_category(cp) == UTF8PROC_CATEGORY_LT;
}

bool sr_cp_is_lower_slow(int32_t cp)
{
    if (cp < 0x80)
        return cp >= 'a' && cp <= 'z';
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

bool sr_cp_is_digit_slow(int32_t cp)
{
    if (cp < 0x80)
        return cp >= '0' && cp <= '9';
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_ND;
}

bool sr_cp_is_space_slow(int32_t cp)
{
    if (cp < 0x80)
        return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
               cp == '\f' || cp == '\v';
    utf8proc_category_t c = utf8proc_category(cp);
    return c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL ||
           c == UTF8PROC_CATEGORY_ZP || cp == 0xFEFF || cp == 0x200B ||
           /* the invisible marks of text direction ("Minister\u200e Haider"
            * in copied web text) and the word joiner part no words */
           cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
           cp == 0x2060 || (cp >= 0x2066 && cp <= 0x2069);
}

bool sr_cp_is_dash(int32_t cp)
{
    return cp == '-' || (cp < 0x80 ? false
                                   : utf8proc_category(cp) == UTF8PROC_CATEGORY_PD);
}

static inline char lc(char c)
{
    return (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
}


bool sr_istarts(const char *a, size_t an, const char *prefix)
{
    size_t i = 0;
    for (; prefix[i]; i++)
        if (i >= an || lc(a[i]) != lc(prefix[i]))
            return false;
    return true;
}

void sr_trim(const char **s, size_t *n)
{
    const char *p = *s;
    size_t len = *n;
    while (len) {
        int32_t cp;
        size_t k = sr_utf8_decode(p, len, 0, &cp);
        if (!sr_cp_is_space(cp))
            break;
        p += k;
        len -= k;
    }
    while (len) {
        size_t i = sr_utf8_prev(p, len);
        int32_t cp;
        sr_utf8_decode(p, len, i, &cp);
        if (!sr_cp_is_space(cp))
            break;
        len = i;
    }
    *s = p;
    *n = len;
}

sitrep_status sr_utf8_from_charset(const char *charset, const char *s, size_t n, const sitrep_mem *mem,
                                   char **out, size_t *outlen)
{
    iconv_t cd = iconv_open("UTF-8", charset);
    if (cd == (iconv_t)-1)
        return SITREP_EFORMAT;
    size_t cap = n * 3 + 16;
    char *buf = mem->calloc(1, cap);
    if (!buf) {
        iconv_close(cd);
        return SITREP_ENOMEM;
    }
    char *in = (char *)s, *o = buf;
    size_t inleft = n, outleft = cap - 1;
    while (inleft > 0) {
        if (iconv(cd, &in, &inleft, &o, &outleft) != (size_t)-1 || outleft < 4)
            break;
        /* a byte the set does not have: a replacement character */
        memcpy(o, "\xEF\xBF\xBD", 3);
        o += 3;
        outleft -= 3;
        in++;
        inleft--;
    }
    iconv_close(cd);
    *o = '\0';
    *out = buf;
    *outlen = (size_t)(o - buf);
    return SITREP_OK;
}
