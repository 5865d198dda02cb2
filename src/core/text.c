/*
 * text.c -- are these bytes text?  The one check every input passes
 * before anything reads it (see core.h, sr_check_text).
 */
#include "core/core.h"

#include <string.h>

/* Bytes below 0x20 other than \t \n \v \f \r mark binary data. */
static bool is_ctrl(unsigned char c)
{
    return c < 0x20 && (c < '\t' || c > '\r');
}

sitrep_status sr_check_text(const char *bytes, size_t len, size_t *where)
{
    *where = 0;
    if (len > UINT32_MAX - 1)
        return SITREP_ETOOBIG;
    /* One pass: ASCII eight bytes at a time; a word with a byte below 0x20
     * or above 0x7F is looked at byte by byte. */
    size_t ctrl = 0, probe = len < 65536 ? len : 65536;
    bool visible = false;
    /* A NUL near the start is binary, whatever else is wrong (JPEG, ZIP). */
    const char *nul = memchr(bytes, 0, probe);
    if (nul) {
        *where = (size_t)(nul - bytes);
        return SITREP_EBINARY;
    }
    size_t i = 0;
    while (i < len) {
        if (i + 8 <= len) {
            uint64_t w;
            memcpy(&w, bytes + i, 8);
            /* no byte >= 0x80 and none below 0x20 (spaces pass) */
            uint64_t low = (w - 0x2020202020202020ull) & ~w & 0x8080808080808080ull;
            if (((w & 0x8080808080808080ull) | low) == 0) {
                visible = visible || w != 0x2020202020202020ull;
                i += 8;
                continue;
            }
        }
        unsigned char c = (unsigned char)bytes[i];
        if (c >= 0x80) {
            /* A run of bytes >= 0x80 must be whole UTF-8 sequences. */
            size_t j = i, bad;
            while (j < len && (unsigned char)bytes[j] >= 0x80)
                j++;
            if (!sr_utf8_valid(bytes + i, j - i, &bad)) {
                *where = i + bad;
                return SITREP_EUTF8;
            }
            visible = true;
            i = j;
            continue;
        }
        if (c == 0) {
            *where = i;
            return SITREP_EBINARY;
        }
        if (is_ctrl(c) && i < probe)
            ctrl++;
        if (c > ' ')
            visible = true;
        i++;
    }
    if (probe && ctrl * 100 > probe)
        return SITREP_EBINARY;
    return visible ? SITREP_OK : SITREP_EEMPTY;
}

size_t sr_field_clean(char *s)
{
    if (s == NULL)
        return 0;
    size_t w = 0;
    for (size_t i = 0; s[i]; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
            s[w++] = ' ';
            continue;
        }
        if (c < 0x20 || c == 0x7F)
            continue;
        /* C1 controls, U+0080..U+009F (0xC2 0x80..0x9F): CSI, OSC, ... */
        if (c == 0xC2 && (unsigned char)s[i + 1] >= 0x80 && (unsigned char)s[i + 1] <= 0x9F) {
            i++;
            continue;
        }
        s[w++] = s[i];
    }
    s[w] = '\0';
    return w;
}
