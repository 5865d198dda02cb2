/*
 * namekey.c -- the name key of namekey.h: unit normalisation and hashing.
 *
 * A unit is normalised one byte at a time into a small buffer: ASCII bytes
 * inline, other code points through utf8proc_decompose_char (canonical
 * decomposition, marks stripped, case folded) into a fixed stack buffer.
 * The first bytes of the unit decide whether it is a particle or carries a
 * glued particle; once the buffer is full the rest of a long unit is
 * hashed as it comes.  The hash is FNV-1a over the bytes of every
 * contributing unit, finished with a 64-bit mixer.
 */
#include "namekey.h"
#include "wordhash.h"

#include <string.h>
#include <utf8proc.h>

#define FNV_OFFSET 0xCBF29CE484222325ull
#define FNV_PRIME 0x100000001B3ull

/* A unit being normalised. */
typedef struct unit {
    sr_namekey *k;
    size_t len;        /* bytes in buf */
    bool spilled;      /* buf hashed already: further bytes go to the hash */
    unsigned char buf[64];
} unit;

static void hash_bytes(sr_namekey *k, const unsigned char *p, size_t n)
{
    uint64_t h = k->h;
    for (size_t i = 0; i < n; i++)
        h = (h ^ p[i]) * FNV_PRIME;
    k->h = h;
    k->bytes += (uint32_t)n;
}

static size_t letters(const unsigned char *p, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        c += (p[i] & 0xC0) != 0x80;
    return c;
}

static bool is_sun_double(const unsigned char *p)
{
    return p[0] == p[1] && p[0] < 0x80 && strchr("dnrstzl", p[0]) != NULL;
}

/* How many leading bytes of a contributing unit that is not the first one
 * are a glued article particle ("ezzor" -> 2, "ashshaddadi" -> 3). */
static size_t glued_particle(const unsigned char *p, size_t n)
{
    if (n < 5 || (p[0] != 'a' && p[0] != 'e'))
        return 0;
    size_t nl = letters(p, n);
    if (nl >= 5 && is_sun_double(p + 1))
        return 2;
    if (nl >= 6 && p[2] == 'h' && p[4] == 'h' && p[1] == p[3] &&
        (p[1] == 's' || p[1] == 't' || p[1] == 'd'))
        return 3;
    return 0;
}

/* The unit's first bytes are final (buffer full or unit ended, and not a
 * particle): drop a glued particle and start hashing. */
static void unit_begin(unit *u)
{
    size_t skip = u->k->units ? glued_particle(u->buf, u->len) : 0;
    hash_bytes(u->k, u->buf + skip, u->len - skip);
    u->k->units++;
    u->spilled = true;
}

static void put(unit *u, unsigned char c)
{
    if (u->spilled) {
        hash_bytes(u->k, &c, 1);
        return;
    }
    if (u->len < sizeof u->buf) {
        u->buf[u->len++] = c;
        return;
    }
    unit_begin(u);
    hash_bytes(u->k, &c, 1);
}

static void put_str(unit *u, const char *s)
{
    while (*s)
        put(u, (unsigned char)*s++);
}

/* Latin letters that have no canonical decomposition, spelled in ASCII. */
static const char *latin_ascii(int32_t cp)
{
    switch (cp) {
    case 0x00E6: return "ae"; /* æ */
    case 0x00F0: return "d";  /* ð */
    case 0x00F8: return "o";  /* ø */
    case 0x00FE: return "th"; /* þ */
    case 0x0111: return "d";  /* đ */
    case 0x0127: return "h";  /* ħ */
    case 0x0131: return "i";  /* ı */
    case 0x0138: return "k";  /* ĸ */
    case 0x0140: return "l";  /* ŀ */
    case 0x0142: return "l";  /* ł */
    case 0x0153: return "oe"; /* œ */
    case 0x0167: return "t";  /* ŧ */
    case 0x01DD: return "e";  /* ǝ */
    case 0x0259: return "e";  /* ə */
    default: return NULL;
    }
}

/* Appends one folded, mark-free code point if it is a letter or a digit. */
static void put_cp(unit *u, int32_t cp)
{
    if (cp < 0x80) {
        unsigned char c = (unsigned char)cp;
        if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
            put(u, c | 0x20);
        else if (c >= '0' && c <= '9')
            put(u, c);
        return;
    }
    utf8proc_category_t cat = utf8proc_category(cp);
    bool keep = (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
                cat == UTF8PROC_CATEGORY_ND;
    /* Spacing modifier letters are apostrophes and ayns: ʿ ʾ ʻ ʼ. */
    if (!keep || (cp >= 0x02B0 && cp <= 0x02FF))
        return;
    const char *ascii = latin_ascii(cp);
    if (ascii) {
        put_str(u, ascii);
        return;
    }
    utf8proc_uint8_t enc[4];
    utf8proc_ssize_t m = utf8proc_encode_char(cp, enc);
    for (utf8proc_ssize_t i = 0; i < m; i++)
        put(u, enc[i]);
}

void sr_namekey_init(sr_namekey *k)
{
    k->h = FNV_OFFSET;
    k->units = 0;
    k->bytes = 0;
}

bool sr_namekey_is_particle(const char *s, size_t n)
{
    if (n < 2 || n > 3)
        return false;
    unsigned a = (unsigned char)s[0] | 0x20, b = (unsigned char)s[1] | 0x20;
    if (n == 3) /* "ash" is the only three-letter particle */
        return a == 'a' && b == 's' && ((unsigned char)s[2] | 0x20) == 'h';
    switch (a) {
    case 'a': /* al ad an ar as at az */
        return b == 'l' || b == 'd' || b == 'n' || b == 'r' || b == 's' || b == 't' || b == 'z';
    case 'e': /* el ed en er es et ez */
        return b == 'l' || b == 'd' || b == 'n' || b == 'r' || b == 's' || b == 't' || b == 'z';
    case 'u': /* ul */
        return b == 'l';
    default:
        return false;
    }
}

bool sr_namekey_add(sr_namekey *k, const char *s, size_t n)
{
    unit u;
    u.k = k;
    u.len = 0;
    u.spilled = false;
    /* ASCII units that fit the buffer, nearly all of them: the same bytes
     * as put_cp() would keep, in one loop */
    if (n <= sizeof u.buf) {
        size_t i = 0;
        for (; i < n; i++) {
            unsigned char c = (unsigned char)s[i];
            if (c >= 0x80)
                break;
            if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
                u.buf[u.len++] = (unsigned char)(c | 0x20);
            else if (c >= '0' && c <= '9')
                u.buf[u.len++] = c;
        }
        if (i == n) {
            if (u.len == 0 || sr_namekey_is_particle((const char *)u.buf, u.len))
                return false;
            unit_begin(&u);
            return true;
        }
        u.len = 0;
    }
    const utf8proc_option_t opt = UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            put_cp(&u, c);
            i++;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t len = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                                (utf8proc_ssize_t)(n - i), &cp);
        if (len <= 0) { /* invalid UTF-8: the byte counts for nothing */
            i++;
            continue;
        }
        i += (size_t)len;
        utf8proc_int32_t dec[16];
        int boundclass = UTF8PROC_BOUNDCLASS_START;
        utf8proc_ssize_t m = utf8proc_decompose_char(cp, dec, 16, opt, &boundclass);
        if (m < 0 || m > 16)
            continue;
        for (utf8proc_ssize_t j = 0; j < m; j++)
            put_cp(&u, dec[j]);
    }
    if (u.spilled)
        return true;
    if (u.len == 0 || sr_namekey_is_particle((const char *)u.buf, u.len))
        return false;
    unit_begin(&u);
    return true;
}

uint64_t sr_namekey_value(const sr_namekey *k)
{
    if (k->units == 0)
        return 0;
    return sr_mix64(k->h ^ ((uint64_t)k->bytes * 0x9E3779B97F4A7C15ull));
}

/* Length of the separator at s[i], or 0. */
static size_t separator(const unsigned char *s, size_t n, size_t i)
{
    unsigned char c = s[i];
    if (c < 0x80)
        return (c == ' ' || c == '-' || c == '_' || c == '/' || (c >= '\t' && c <= '\r')) ? 1 : 0;
    if (c == 0xC2 && i + 1 < n && s[i + 1] == 0xA0)
        return 2; /* U+00A0 */
    if (c == 0xE2 && i + 2 < n && s[i + 1] == 0x80 && s[i + 2] >= 0x90 && s[i + 2] <= 0x93)
        return 3; /* U+2010 .. U+2013 */
    return 0;
}

uint64_t sr_namekey_of(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    sr_namekey k;
    sr_namekey_init(&k);
    size_t start = 0, i = 0;
    while (i < n) {
        size_t sep = separator(p, n, i);
        if (sep) {
            if (i > start)
                sr_namekey_add(&k, s + start, i - start);
            i += sep;
            start = i;
        } else {
            i++;
        }
    }
    if (n > start)
        sr_namekey_add(&k, s + start, n - start);
    return sr_namekey_value(&k);
}

size_t sr_namekey_normalize(const char *s, size_t n, unsigned char *out, size_t cap)
{
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80)
            return SIZE_MAX; /* decomposition needed: sr_namekey_add does it */
        if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
            c |= 0x20;
        else if (c < '0' || c > '9')
            continue;
        if (m == cap)
            return SIZE_MAX;
        out[m++] = c;
    }
    return m;
}

bool sr_namekey_add_norm(sr_namekey *k, const unsigned char *norm, size_t n)
{
    if (n == 0 || sr_namekey_is_particle((const char *)norm, n))
        return false;
    size_t skip = k->units ? glued_particle(norm, n) : 0;
    hash_bytes(k, norm + skip, n - skip);
    k->units++;
    return true;
}
