/*
 * lexicon.h -- word sets compiled at build time by tools/mkset.c.
 *
 *   sr_dict_words     every word of the system dictionary (wamerican, or
 *                     the list given with -DSITREP_WORDLIST) plus
 *                     data/words-extra.txt
 *   sr_short_words    the one- and two-letter function words a glued-word
 *                     split may produce (data/short-words.txt)
 *   sr_function_words closed-class English words (data/function-words.txt)
 *   sr_camel_keep     CamelCase names that are not glued words
 *                     (data/camelcase-keep.txt)
 *   sr_compound_prefixes, sr_compound_suffixes
 *                     parts of closed compounds, which are not glue
 *                     (data/compound-prefixes.txt, compound-suffixes.txt)
 *   sr_abbreviations  words after which a period does not end a sentence
 *                     (data/abbreviations.txt)
 *   sr_ui_navigation, sr_ui_prompts, sr_ui_prompts_tail, sr_ui_related
 *                     whole-line phrases of web pages that are not article
 *                     text (data/ui-*.txt)
 *   sr_common_words   the lower-case words of the system dictionary (its
 *                     proper nouns left out): "mobile", "reading"
 *   sr_proper_words   the capitalised words of the system dictionary
 *                     ("Baghdad", "Turkey": its proper nouns)
 *   sr_allcaps_words  its words in capitals ("NATO", "US")
 *   sr_given_names    given names that start a person's name ("Ahmed",
 *                     "Sofia"; data/given-names.txt)
 */
#ifndef SITREP_LEXICON_H
#define SITREP_LEXICON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "wordhash.h"

typedef struct sr_wordset {
    const char *pool;
    const uint32_t *fingerprints; /* high half of the word's 64-bit hash, 0 empty */
    uint32_t mask;                /* slots - 1 */
    uint32_t count;
} sr_wordset;

extern const sr_wordset sr_dict_words;
extern const sr_wordset sr_short_words;
extern const sr_wordset sr_function_words;
extern const sr_wordset sr_camel_keep;
extern const sr_wordset sr_compound_prefixes;
extern const sr_wordset sr_compound_suffixes;
extern const sr_wordset sr_abbreviations;
extern const sr_wordset sr_ui_navigation;
extern const sr_wordset sr_ui_prompts;
extern const sr_wordset sr_ui_prompts_tail;
extern const sr_wordset sr_ui_related;
extern const sr_wordset sr_given_names;
extern const sr_wordset sr_common_words;
extern const sr_wordset sr_proper_words;
extern const sr_wordset sr_allcaps_words;

/* Is s[0..n) in the set?  ASCII case-insensitive; false for any non-ASCII
 * byte or n > 63.  Membership is decided by the hash alone: a word that is
 * not in the set answers "yes" with a chance of about 1 in 10^9, which for
 * glued-word repair means one glued word in a billion left unsplit. */
bool sr_wordset_has(const sr_wordset *set, const char *s, size_t n);

/* The same lookup in two steps, for callers that have the word's hash
 * already: sr_word_hash (wordhash.h) makes it.  Inline: a probe is a few
 * instructions, and the callers probe several sets with one hash. */
static inline bool sr_wordset_has_hash(const sr_wordset *set, uint64_t h)
{
    uint32_t f = (uint32_t)(h >> 32);
    if (f == 0)
        f = 1;
    for (uint64_t slot = h & set->mask;; slot = (slot + 1) & set->mask) {
        uint32_t v = set->fingerprints[slot];
        if (v == f)
            return true;
        if (v == 0)
            return false;
    }
}

#endif
