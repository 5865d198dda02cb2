/*
 * jsonw.c -- JSON text of jansson values (jsonw.h): the bytes jansson's
 * compact, order-preserving dump writes, without its cost per value.
 */
#include "core/jsonw.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* The length of the valid UTF-8 sequence at s[0..n) that starts with a
 * byte >= 0x80, 0 when invalid (the rules jansson checks: no overlong
 * form, no surrogate, nothing above U+10FFFF). */
static size_t utf8_seq(const unsigned char *s, size_t n)
{
    unsigned char u = s[0];
    size_t size;
    uint32_t v;
    if (u >= 0xC2 && u <= 0xDF) {
        size = 2;
        v = u & 0x1F;
    } else if (u >= 0xE0 && u <= 0xEF) {
        size = 3;
        v = u & 0x0F;
    } else if (u >= 0xF0 && u <= 0xF4) {
        size = 4;
        v = u & 0x07;
    } else {
        return 0;
    }
    if (size > n)
        return 0;
    for (size_t i = 1; i < size; i++) {
        if (s[i] < 0x80 || s[i] > 0xBF)
            return 0;
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF) || (size == 3 && v < 0x800) || (size == 4 && v < 0x10000))
        return 0;
    return size;
}

bool sr_jsonw_string(sr_buf *out, const char *str, size_t n)
{
    static const char hex[] = "0123456789ABCDEF";
    const unsigned char *s = (const unsigned char *)str;
    if (!sr_buf_reserve(out, n + 2))
        return false;
    out->data[out->len++] = '"';
    size_t run = 0, i = 0;
    while (i < n) {
        unsigned char ch = s[i];
        if (ch >= 0x20 && ch != '"' && ch != '\\' && ch < 0x80) {
            i++;
            continue;
        }
        if (ch >= 0x80) {
            size_t k = utf8_seq(s + i, n - i);
            if (!k)
                return false;
            i += k;
            continue;
        }
        if (!sr_buf_put(out, s + run, i - run))
            return false;
        char esc[6] = {'\\', 0, 0, 0, 0, 0};
        size_t el = 2;
        switch (ch) {
        case '"': esc[1] = '"'; break;
        case '\\': esc[1] = '\\'; break;
        case '\b': esc[1] = 'b'; break;
        case '\f': esc[1] = 'f'; break;
        case '\n': esc[1] = 'n'; break;
        case '\r': esc[1] = 'r'; break;
        case '\t': esc[1] = 't'; break;
        default:
            esc[1] = 'u';
            esc[2] = '0';
            esc[3] = '0';
            esc[4] = hex[ch >> 4];
            esc[5] = hex[ch & 15];
            el = 6;
        }
        if (!sr_buf_put(out, esc, el))
            return false;
        run = ++i;
    }
    return sr_buf_put(out, s + run, n - run) && sr_buf_putc(out, '"');
}

/* A real as jansson writes it: "%.*g", a decimal point whatever the
 * locale, ".0" when it has neither point nor exponent, no '+' and no
 * leading zeros in the exponent ("1.6e+08" is "1.6e8"). */
static bool put_integer(sr_buf *out, json_int_t v);

static bool put_real(sr_buf *out, double v, int precision)
{
    /* a whole number below 10^8 is its digits and ".0" at 8 or more
     * significant digits (most values: counts, money, days) */
    if (fabs(v) < 1e8 && (precision == 0 || precision >= 8) && v == (double)(long long)v) {
        if (v == 0 && signbit(v))
            return sr_buf_put(out, "-0.0", 4);
        return put_integer(out, (json_int_t)v) && sr_buf_put(out, ".0", 2);
    }
    char b[64];
    int k = snprintf(b, sizeof b, "%.*g", precision ? precision : 17, v);
    if (k < 0 || (size_t)k + 3 >= sizeof b)
        return false;
    bool point = false;
    char *e = NULL;
    for (int i = 0; i < k; i++) {
        char ch = b[i];
        if (ch == 'e')
            e = b + i;
        else if (!((ch >= '0' && ch <= '9') || ch == '-' || ch == '+')) {
            b[i] = '.';
            point = true;
        }
    }
    if (!point && !e) {
        b[k++] = '.';
        b[k++] = '0';
    }
    if (e) {
        char *from = e + 1, *to = e + 1;
        if (*from == '-')
            *to++ = *from++;
        else if (*from == '+')
            from++;
        while (*from == '0' && from[1])
            from++;
        size_t rest = (size_t)(b + k - from);
        memmove(to, from, rest);
        k = (int)(to - b + (ptrdiff_t)rest);
    }
    return sr_buf_put(out, b, (size_t)k);
}

static bool put_integer(sr_buf *out, json_int_t v)
{
    char b[24];
    size_t i = sizeof b;
    unsigned long long u = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
    do {
        b[--i] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        b[--i] = '-';
    return sr_buf_put(out, b + i, sizeof b - i);
}

bool sr_jsonw_value(sr_buf *out, const json_t *v, int precision)
{
    if (!v)
        return false;
    switch (json_typeof(v)) {
    case JSON_NULL:
        return sr_buf_put(out, "null", 4);
    case JSON_TRUE:
        return sr_buf_put(out, "true", 4);
    case JSON_FALSE:
        return sr_buf_put(out, "false", 5);
    case JSON_INTEGER:
        return put_integer(out, json_integer_value(v));
    case JSON_REAL:
        return put_real(out, json_real_value(v), precision);
    case JSON_STRING:
        return sr_jsonw_string(out, json_string_value(v), json_string_length(v));
    case JSON_ARRAY: {
        size_t n = json_array_size(v);
        if (!sr_buf_putc(out, '['))
            return false;
        for (size_t i = 0; i < n; i++)
            if ((i && !sr_buf_putc(out, ',')) || !sr_jsonw_value(out, json_array_get(v, i), precision))
                return false;
        return sr_buf_putc(out, ']');
    }
    case JSON_OBJECT: {
        if (!sr_buf_putc(out, '{'))
            return false;
        bool first = true;
        for (void *it = json_object_iter((json_t *)v); it; it = json_object_iter_next((json_t *)v, it)) {
            if ((!first && !sr_buf_putc(out, ',')) ||
                !sr_jsonw_string(out, json_object_iter_key(it), json_object_iter_key_len(it)) ||
                !sr_buf_putc(out, ':') || !sr_jsonw_value(out, json_object_iter_value(it), precision))
                return false;
            first = false;
        }
        return sr_buf_putc(out, '}');
    }
    }
    return false;
}
