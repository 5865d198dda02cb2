/*
 * namekey.h -- the 64-bit key of a place or actor name, shared by the
 * build-time gazetteer compiler (tools/mkgaz.c) and the library.
 *
 * Two spellings of one name get one key when they differ only in case,
 * diacritics, separators, punctuation or Arabic article particles:
 *
 *   "Deir ez-Zor" = "Deir Ezzor" = "DEIR EZ-ZOR" = "Deir ez Zor"
 *   "al-Hol" = "Al Hol" = "El Hol" = "Hol"       "Al Anbār" = "Anbar"
 *   "Sana'a" = "Sanaa"      "U.S." = "US" = "us"      "São Paulo" = "Sao Paulo"
 *
 * A name is read as units (words without spaces or hyphens).  Each unit
 * is decomposed, stripped of combining marks and case-folded (utf8proc;
 * ASCII takes a fast path), and keeps only its letters and digits; a few
 * Latin letters without a decomposition are spelled in ASCII (ł l, ø o,
 * đ d, ı i, æ ae, œ oe, þ th, ð d, ħ h, ə e).  Then
 *
 *   - a particle unit (al el ad an ar as ash at az ed en er es et ez ul)
 *     contributes nothing;
 *   - a unit that is not the first contributing one, starts with 'a' or
 *     'e' followed by a doubled sun letter (dd nn rr ss tt zz ll) and is at
 *     least five letters long drops those first two letters, so "Ezzor"
 *     counts as "zor" and "Arraqqa" as "raqqa" (the particle glued to its
 *     word); "ashsh", "aththa", "adhdh" drop three;
 *
 * and the contributing units are hashed as one string with no separator
 * ("Deir Ezzor" -> "deirzor").  The key of a name with no contributing
 * unit is 0, which never matches.  Keys ignore case altogether: "IS" and
 * "is" have one key; telling them apart is the matcher's job.
 *
 * Nothing here allocates.
 */
#ifndef SITREP_NAMEKEY_H
#define SITREP_NAMEKEY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct sr_namekey {
    uint64_t h;     /* running hash of the normalised bytes */
    uint32_t units; /* units that contributed */
    uint32_t bytes; /* normalised bytes hashed */
} sr_namekey;

void sr_namekey_init(sr_namekey *k);
/* Adds one unit: a word without spaces or hyphens, UTF-8 (s, n).  Returns
 * false if the unit contributed nothing (a particle or only punctuation). */
bool sr_namekey_add(sr_namekey *k, const char *s, size_t n);
/* The key so far; 0 if no unit contributed (an empty key never matches). */
uint64_t sr_namekey_value(const sr_namekey *k);
/* Splits s on spaces, hyphens (ASCII '-', U+2010, U+2011, U+2012, U+2013
 * EN DASH), underscores and slashes into units and adds them; returns the
 * value.  Also splits on tabs, line breaks and U+00A0 NO-BREAK SPACE. */
uint64_t sr_namekey_of(const char *s, size_t n);
/* True if the unit is an article particle ignored by keys (al, el, ad, an,
 * ar, as, ash, at, az, ed, en, er, es, et, ez, ul, in any ASCII case). */
bool sr_namekey_is_particle(const char *s, size_t n);

/* The normalised bytes of one ASCII unit, as sr_namekey_add hashes them
 * (letters folded to lower case, digits, nothing else), into out[0..cap);
 * returns their number, or SIZE_MAX when the unit is not ASCII or does not
 * fit (then use sr_namekey_add).  Lets a caller normalise each word once
 * and build many keys from it. */
size_t sr_namekey_normalize(const char *s, size_t n, unsigned char *out, size_t cap);
/* sr_namekey_add for a unit given by its normalised bytes: the same key. */
bool sr_namekey_add_norm(sr_namekey *k, const unsigned char *norm, size_t n);

#endif
