/*
 * frame.h -- what frames a statement, asked the same way by the claims and
 * the events stages (claims.c, events.c): where a sentence and a clause
 * begin and end, whether a word introduces a source ("said", "according
 * to"), whether a time expression is the date of the statement rather
 * than of what it reports, whether a place is where something happened or
 * where the speaker was, and which armed group "the group" means.
 *
 * One home per concept: both stages call these, neither keeps a copy.
 * Everything works on the per-token context (context.h) in O(1) or over a
 * window bounded by the clause or a fixed number of tokens; the word
 * classes come from data/lex/frame.lex.
 */
#ifndef SITREP_FRAME_H
#define SITREP_FRAME_H

#include "analyse/context.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- sentences and clauses ---- */

/* Sentence s's tokens [sr_sent_first, sr_sent_end). */
static inline size_t sr_sent_first(const sr_context *c, size_t s) { return c->sen[s].first; }
static inline size_t sr_sent_end(const sr_context *c, size_t s)
{
    size_t e = (size_t)c->sen[s].first + c->sen[s].count;
    return e < c->ntok ? e : c->ntok;
}

/* Does token k break a clause: a semicolon or a word of frame.clause
 * ("while", "but", "amid")? */
static inline bool sr_clause_break(const sr_context *c, size_t k)
{
    return sr_tok_char(c, k, ';') || sr_tok_flag(c, k, SR_WI_CLAUSE);
}

/* No clause is read further than this many tokens from where its reading
 * starts: a text without a full stop (a list, a table, an attack on the
 * reader) costs each figure and trigger a bounded window, not the rest
 * of the text.  Real clauses are far shorter. */
#define SR_CLAUSE_WINDOW 96

/* Past a parenthetical source at token a: "60 villagers, local officials
 * said, were killed" reads on at "were" (the token after the second
 * comma); a itself when there is none. */
size_t sr_skip_said(const sr_context *c, size_t a, size_t hi);

/* Where the clause that runs on from token `from` ends, before `hi` and
 * within SR_CLAUSE_WINDOW tokens: a
 * speech verb, "according to", a clause break, ", killing ...", ", which
 * ..." far from its start; with `figures`, the next figure too ("900 in
 * Syria and 2,500 in Iraq").  Parenthetical sources are skipped. */
size_t sr_clause_end(const sr_context *c, size_t from, size_t hi, bool figures);

/* Where the clause that ends at token `to` begins, not before `lo` nor
 * more than SR_CLAUSE_WINDOW tokens back: after the last figure or clause
 * break before it. */
size_t sr_clause_start(const sr_context *c, size_t to, size_t lo);

/* Is token i the function word `fw` (SR_LEXE_FW_*: frame.lex
 * function_word), whatever its case? */
static inline bool sr_tok_fw(const sr_context *c, size_t i, int32_t fw)
{
    /* sr_lex_value(sr_tok_lexid(c, i), SR_LEX_FRAME_FUNCTION_WORD,
     * SR_LEXCOL_FRAME_FUNCTION_WORD_FW), from its table (data/lex.h) */
    return sr_lex_fw[sr_tok_lexid(c, i)] == fw;
}

/* ---- sources ---- */

/* Is token i a speech or report word of frame.speech other than
 * "according" ("said", "reports", "estimate"), whatever its use? */
static inline bool sr_speech_word(const sr_context *c, size_t i)
{
    return sr_tok_flag(c, i, SR_WI_SPEECH) && !sr_tok_is(c, i, "according");
}

/* Is token i a speech or report verb that introduces a source here
 * ("officials said", "a report by X found that", "put the toll at"), not
 * a participle or noun ("an estimated 40", "were reported killed", "the
 * report") or part of a name? */
bool sr_speech_verb(const sr_context *c, size_t i);

/* Is token i a noun of a role or document that speaks for an
 * organisation ("spokesman", "officials", "statement", "figures")? */
bool sr_role_noun(const sr_context *c, size_t i);

/* Is the time expression on tokens [t0, t1) of the clause [lo, hi) the
 * date of a statement ("said on Wednesday", "announced Monday", "on
 * Monday announced") rather than of what the statement reports? */
bool sr_statement_date(const sr_context *c, size_t t0, size_t t1, size_t lo, size_t hi);

/* The first dated time expression (a date whose year is known; a
 * dateline's is none: context.h) that covers a token of [from, hi): its
 * index in c->times, its tokens in [*t0, *t1) (cut to [from, hi)); -1
 * when none.  Walk a clause's dates with from = *t1 of the last one. */
int32_t sr_next_date(const sr_context *c, size_t from, size_t hi, size_t *t0, size_t *t1);

/* sr_next_date, with `clock` a time of day too ("at 17:30 GMT"): it
 * stands for the day it was given (the date of its sentence, else the
 * anchor: times.c). */
int32_t sr_next_dated(const sr_context *c, size_t from, size_t hi, bool clock, size_t *t0, size_t *t1);

/* ---- where ---- */

/* Is the place mention starting at token f reached, not before lo, from
 * a locative word ("in Syria and Iraq", "near the town of Geneina", "in
 * the capital Muscat's Wadi Kabir district", "58 airstrikes on Idlib",
 * "20 km from Djibo"), so that it says where something happened; not
 * "fighters from Syria", "the Afghanistan offshoot", "talks with Iran"? */
bool sr_place_located(const sr_context *c, size_t lo, size_t f);

/* Is the place mention starting at token f, not before lo, the point a
 * distance is measured from ("300 km west of Kandra", "20 miles from
 * Port Ilse", "12 km north-east of"): a reference, not where something
 * happened? */
bool sr_place_reference(const sr_context *c, size_t lo, size_t f);

/* Is the place mention [first, last] where a speaker is rather than where
 * something happened: "officials in Kabul said", "told reporters in
 * Geneva"?  Reads within [lo, hi). */
bool sr_speakers_place(const sr_context *c, size_t first, size_t last, size_t lo, size_t hi);

/* ---- actors ---- */

/* Is the name whose mention starts at token f named as another's ally or
 * backer ("jihadists linked to al-Qaeda and the Islamic State group",
 * "militias backed by Iran"): after to/with/by and a link participle
 * (frame.lex link_participle), past "the" and the names listed before it,
 * not before token lo?  Such a group is not the one at hand. */
bool sr_allied_at(const sr_context *c, size_t lo, size_t f);

/* The armed group the article names most (entity index), -1 when none:
 * what "the group" and "the militants" refer to. */
int32_t sr_dominant_group(const sr_context *c);

#endif
