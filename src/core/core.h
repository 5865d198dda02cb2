/*
 * core.h -- private building blocks shared by every stage: the allocator,
 * a per-document arena, a growable byte buffer and small string helpers.
 *
 * Stages allocate everything of one article from its arena (sr_arena) and
 * free it in one call; owned bytes that must grow live in an sr_buf.
 */
#ifndef SITREP_CORE_H
#define SITREP_CORE_H

#include "sitrep.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The largest article or JSON Lines record read when the options say
 * nothing (sitrep_options.max_input_bytes 0). */
#define SR_MAX_INPUT_DEFAULT ((size_t)16 << 20)

/* ---- allocator ---- */

const sitrep_mem *sr_mem_or_default(const sitrep_mem *mem);

/* ---- arena: bump allocation in chunks, freed all at once ---- */

typedef struct sr_arena_chunk sr_arena_chunk;

typedef struct sr_arena {
    const sitrep_mem *mem;
    sr_arena_chunk *head;
    size_t chunk_size;
} sr_arena;

void sr_arena_init(sr_arena *a, const sitrep_mem *mem, size_t chunk_size);
/* Zeroed, 16-byte aligned memory, or NULL when out of memory. */
void *sr_arena_alloc(sr_arena *a, size_t size);
/* A NUL-terminated copy of s[0..n) in the arena. */
char *sr_arena_strndup(sr_arena *a, const char *s, size_t n);
void sr_arena_free(sr_arena *a);

/* ---- growable byte buffer ---- */

typedef struct sr_buf {
    const sitrep_mem *mem;
    char *data;
    size_t len;
    size_t cap;
} sr_buf;

void sr_buf_init(sr_buf *b, const sitrep_mem *mem);
bool sr_buf_reserve(sr_buf *b, size_t extra);
bool sr_buf_put(sr_buf *b, const void *data, size_t n);
bool sr_buf_putc(sr_buf *b, char c);
bool sr_buf_puts(sr_buf *b, const char *s);
void sr_buf_clear(sr_buf *b);
/* Cuts the allocation to the bytes held (and the NUL after them): what
 * doubling left over would otherwise stay allocated as long as the buffer. */
void sr_buf_fit(sr_buf *b);
void sr_buf_free(sr_buf *b);
/* Adapter so an sr_buf can be a sitrep_write_fn target. */
int sr_buf_write_cb(const char *data, size_t len, void *ctx);

/* Sorts n items of `size` bytes with a comparison that takes a context
 * (qsort has none, and a static would make the library non-reentrant).
 * A stable merge sort; false when the scratch memory cannot be had. */
typedef int (*sr_cmp_fn)(const void *a, const void *b, void *ctx);
bool sr_sort(void *base, size_t n, size_t size, sr_cmp_fn cmp, void *ctx, const sitrep_mem *mem);

/* ---- growable array of fixed-size items in an sr_buf ---- */

#define SR_VEC_PUSH(buf, type, value) \
    (sr_buf_reserve((buf), sizeof(type)) \
         ? (memcpy((buf)->data + (buf)->len, &(value), sizeof(type)), \
            (buf)->len += sizeof(type), true) \
         : false)
#define SR_VEC_COUNT(buf, type) ((buf)->len / sizeof(type))
#define SR_VEC_AT(buf, type, i) (((type *)(void *)(buf)->data)[i])

/* ---- UTF-8 (utf8proc underneath) ---- */

/* Checks that s[0..n) is valid UTF-8.  On failure *bad_at receives the
 * offset of the first invalid byte. */
bool sr_utf8_valid(const char *s, size_t n, size_t *bad_at);
/* Decodes one code point at s[i] (i < n, valid UTF-8); returns its length
 * and stores the code point in *cp.  ASCII is decoded inline. */
size_t sr_utf8_decode_slow(const char *s, size_t n, size_t i, int32_t *cp);
static inline size_t sr_utf8_decode(const char *s, size_t n, size_t i, int32_t *cp)
{
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    return sr_utf8_decode_slow(s, n, i, cp);
}
/* Offset of the code point that ends just before byte i. */
size_t sr_utf8_prev(const char *s, size_t i);
/* Copies s[0..n) into dst[0..cap) as a NUL-terminated string, cut when it
 * does not fit at the last code point that does (never inside one), so a
 * valid UTF-8 source stays valid.  Returns the bytes copied. */
size_t sr_utf8_copy(char *dst, size_t cap, const char *s, size_t n);
/* s[0..n) in the character set `charset` (an iconv name) converted to
 * UTF-8, each byte the set does not have replaced by U+FFFD; *out is
 * NUL-terminated, allocated from mem, the caller's to free.
 * SITREP_EFORMAT when iconv does not know the set. */
sitrep_status sr_utf8_from_charset(const char *charset, const char *s, size_t n, const sitrep_mem *mem,
                                   char **out, size_t *outlen);
/* Is s[0..n) an ordinal number written in digits ("3rd", "158th", "21ST")? */
static inline bool sr_ordinal_digits(const char *s, size_t n)
{
    size_t d = 0;
    while (d < n && s[d] >= '0' && s[d] <= '9')
        d++;
    if (d == 0 || n != d + 2)
        return false;
    char a = (char)(s[d] | 0x20), b = (char)(s[d + 1] | 0x20);
    return (a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd') || (a == 't' && b == 'h');
}
/* Character classes: ASCII inline, the rest from utf8proc's tables. */
bool sr_cp_is_letter_slow(int32_t cp);
bool sr_cp_is_upper_slow(int32_t cp);
bool sr_cp_is_lower_slow(int32_t cp);
bool sr_cp_is_digit_slow(int32_t cp);
bool sr_cp_is_space_slow(int32_t cp);
static inline bool sr_cp_is_letter(int32_t cp)
{
    return cp < 0x80 ? ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') : sr_cp_is_letter_slow(cp);
}
static inline bool sr_cp_is_upper(int32_t cp)
{
    return cp < 0x80 ? (cp >= 'A' && cp <= 'Z') : sr_cp_is_upper_slow(cp);
}
static inline bool sr_cp_is_lower(int32_t cp)
{
    return cp < 0x80 ? (cp >= 'a' && cp <= 'z') : sr_cp_is_lower_slow(cp);
}
static inline bool sr_cp_is_digit(int32_t cp)
{
    return cp < 0x80 ? (cp >= '0' && cp <= '9') : sr_cp_is_digit_slow(cp);
}
static inline bool sr_cp_is_space(int32_t cp)
{
    return cp < 0x80 ? (cp == ' ' || (cp >= '\t' && cp <= '\r')) : sr_cp_is_space_slow(cp);
}
/* Dashes and quotation marks that news text uses in many shapes. */
bool sr_cp_is_dash(int32_t cp);

/* ---- ASCII helpers over byte ranges ---- */

/* a[0..an) equals the NUL-terminated b, ASCII case folded.  Inline: the
 * analysers call it on most words, against lists of keywords. */
static inline bool sr_ieq(const char *a, size_t an, const char *b)
{
    size_t i = 0;
    for (; i < an; i++) {
        char x = a[i], y = b[i];
        if (y == '\0')
            return false;
        if (x != y && ((x | 0x20) != (y | 0x20) || (unsigned)((x | 0x20) - 'a') > 25u))
            return false;
    }
    return b[i] == '\0';
}
/* The index of a[0..an) in the NULL-terminated `list` (sr_ieq), or -1.
 * Entries whose first byte differs (ASCII case folded) are passed over
 * without calling sr_ieq: the analysers scan lists of twenty to forty
 * keywords for most candidate words, and nearly all differ there. */
static inline int sr_ieq_index(const char *a, size_t an, const char *const *list)
{
    if (an == 0)
        return -1; /* no list holds "" */
    unsigned char f = (unsigned char)a[0] | 0x20;
    for (int k = 0; list[k]; k++)
        if (((unsigned char)list[k][0] | 0x20) == f && sr_ieq(a, an, list[k]))
            return k;
    return -1;
}
bool sr_istarts(const char *a, size_t an, const char *prefix);
/* Trims ASCII and Unicode spaces at both ends of [*s, *s + *n). */
void sr_trim(const char **s, size_t *n);

/* ---- input bytes (text.c) ---- */

/* Checks bytes are text: EBINARY, EUTF8 (with *where = offset of the bad
 * byte), EEMPTY, ETOOBIG, or OK. */
sitrep_status sr_check_text(const char *bytes, size_t len, size_t *where);
/* Makes a one-line field (an id, title, byline, outlet, URL, date) safe to
 * print, in place: blanks of any kind become spaces, other control
 * characters (C0, DEL, C1: the terminal's escape sequences, its bell) are
 * removed.  Returns the new length. */
size_t sr_field_clean(char *s);

#endif
