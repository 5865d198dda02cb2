/*
 * truecase.h -- reading text whose case carries no information.
 *
 * Wire and radio transcripts come in capitals, chat and some feeds in
 * lower case.  Sentence cutting, names, acronyms and places all lean on
 * capital letters, so such a document is first given the case it would
 * have in edited prose ("truecasing"): the tokenizer decides per document
 * whether its case carries information (sr_case_profile), reads a
 * lower-cased copy of the text when it does not, and sr_truecase then
 * raises the words that data shipped with sitrep calls names:
 *
 *   - phrases of the actor knowledge base and the gazetteer ("islamic
 *     state", "deir ez-zor", "united states"), longest first;
 *   - a word's usual case in the system dictionary (its proper nouns are
 *     capitalised, "nato" is written NATO), given names, single-word
 *     places and actors; a word no dictionary knows has the shape of a
 *     name (a short one without vowels is an acronym: "pkk");
 *   - acronyms that are also common words ("us", "is") only where the
 *     context makes them names (data/lex/entities.lex: "the us",
 *     "us-led", "us forces");
 *   - titles before a name ("president Obama"), surnames after a given
 *     name, a month next to a number ("may 5"), the first word of each
 *     sentence.
 *
 * Only letters change, each keeping its byte length (ASCII and the
 * two-byte Latin-1 letters), so every offset into the copy is an offset
 * into the input: spans and quotes are written from the input as given.
 */
#ifndef SITREP_TRUECASE_H
#define SITREP_TRUECASE_H

#include "doc.h"

enum { SR_CASE_MIXED = 0, SR_CASE_LOWER = 1, SR_CASE_UPPER = 2 };

/* Does the case of the document's article lines carry information?
 * SR_CASE_MIXED when it does; SR_CASE_UPPER when hardly a word has a
 * lower-case letter, SR_CASE_LOWER when hardly a word starts with a
 * capital. */
int sr_case_profile(const sitrep_doc *doc);

/* Makes doc->src a lower-cased copy of itself (doc->decoded). */
sitrep_status sr_case_fold_copy(sitrep_doc *doc);

/* Gives the words of tok[0..n) (tokens of the lower-cased copy, sentences
 * cut) the case edited prose would have: rewrites their letters in
 * doc->src and their SITREP_TOKF_CAP / ALLCAPS flags. */
sitrep_status sr_truecase(sitrep_doc *doc, sitrep_token *tok, size_t n);

#endif
