/*
 * claims.c -- figures attached to what they count, whose, where, when and
 * according to whom (claims.h).
 *
 * One pass over the sentences.  For each sentence the finder first reads
 * its sources (speech verbs and "according to"), resolving pronoun
 * speakers against the people and organisations that spoke before, then
 * turns each figure of the sentence into a claim:
 *
 *   measure  the counted noun of the figure's measure without names,
 *            demonyms and evaluative adjectives, plus what happened to it,
 *            read from a verb before the figure ("killing 44 militants",
 *            "the deaths of 44") or after its noun ("who were killed").
 *            A figure without a noun of its own ("arresting 166", "166
 *            others", "and 2,500 in Iraq") takes the noun and actor of the
 *            figure it is coordinated with.
 *   actor    a name inside the measure ("IS militants", "US soldiers"),
 *            else the subject before the figure in its clause: a name, or
 *            "the group" / "the militants" for the armed group the article
 *            names most.
 *   places   the places of a locative phrase after the figure ("in Syria
 *            and Iraq", "in Syria's eastern desert"), else before it in its
 *            clause; "both countries" is the two countries named last.
 *   period   the dated time expression nearest the figure in its clause,
 *            other than the date of the statement itself ("said on
 *            Wednesday").  A period that runs past the document date ends
 *            at it ("so far this year") unless the sentence speaks of the
 *            future.
 *   source   the speaker of the speech verb or "according to" nearest the
 *            figure; "he"/"she" is the person named last, "it" the
 *            organisation that spoke last.
 *
 * Then claims of one article with the same measure, value and qualifier
 * and compatible period, places and actor merge into one with every span.
 * Everything is linear in the tokens except the merge, which compares a
 * claim with the claims of the same value only.
 */
#include "analyse/claims.h"

#include "analyse/entities.h"
#include "analyse/figures.h"
#include "analyse/frame.h"
#include "analyse/times.h"
#include "analyse/wordinfo.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* ---- what happened ---- */

/* snprintf(dst, cap, "%s", a), or "%s %s" with b, without the
 * formatting machinery (a few thousand measures per megabyte of text):
 * the bytes, cut to cap - 1 at the start of a character, and a NUL. */
static void put_words(char *dst, size_t cap, const char *a, const char *b)
{
    size_t n = 0;
    for (; *a && n + 1 < cap; a++)
        dst[n++] = *a;
    if (b) {
        if (n + 1 < cap)
            dst[n++] = ' ';
        for (; *b && n + 1 < cap; b++)
            dst[n++] = *b;
    }
    if ((*a || (b && *b)) && n > 0) {
        /* cut short: never inside a character */
        size_t s = n - 1;
        while (s > 0 && ((unsigned char)dst[s] & 0xC0) == 0x80)
            s--;
        unsigned char lead = (unsigned char)dst[s];
        size_t len = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
        if (s + len > n)
            n = s;
    }
    dst[n] = '\0';
}

/* The outcome word i names in table `cls` (claims.outcome: "killing" ->
 * "killed"; claims.outcome_noun: "deaths" -> "killed"), NULL when none.
 * A capitalised word names none. */
static const char *outcome_in(const sr_context *c, size_t i, enum sr_lexclass cls)
{
    if (i >= c->ntok || c->tok[i].kind != SITREP_TOK_WORD || (c->tok[i].flags & SITREP_TOKF_CAP))
        return NULL;
    int32_t o = sr_lex_value(c->wi[i].lex, cls, 0);
    return o > 0 && o < SR_LEXE_OUTCOME__COUNT ? sr_lexe_OUTCOME_names[o] : NULL;
}

static const char *outcome_of(const sr_context *c, size_t i) { return outcome_in(c, i, SR_LEX_CLAIMS_OUTCOME); }
static const char *outcome_noun(const sr_context *c, size_t i)
{
    return outcome_in(c, i, SR_LEX_CLAIMS_OUTCOME_NOUN);
}

/* The outcome a phrase of claims.outcome_phrase starting at token i and
 * ending before hi names ("set fire to", "among the dead"), with its
 * length in *len; NULL when none. */
static const char *outcome_phrase(const sr_context *c, size_t i, size_t hi, size_t *len)
{
    sr_lexid id;
    size_t n = sr_tok_phrase(c, i, hi, SR_LEX_CLAIMS_OUTCOME_PHRASE, &id);
    if (!n || (c->tok[i].flags & SITREP_TOKF_CAP && !(c->tok[i].flags & SITREP_TOKF_SENT_START)))
        return NULL;
    int32_t o = sr_lex_value(id, SR_LEX_CLAIMS_OUTCOME_PHRASE, 0);
    if (o <= 0 || o >= SR_LEXE_OUTCOME__COUNT)
        return NULL;
    *len = n;
    return sr_lexe_OUTCOME_names[o];
}

/* ---- helpers ---- */


static bool is_cap(const sr_context *c, size_t i)
{
    return i < c->ntok && (c->tok[i].flags & SITREP_TOKF_CAP);
}


static bool is_quote_mark(const sr_context *c, size_t i)
{
    if (i >= c->ntok || c->tok[i].kind == SITREP_TOK_WORD || c->tok[i].kind == SITREP_TOK_NUMBER)
        return false;
    const unsigned char *s = (const unsigned char *)c->src + c->tok[i].start;
    size_t n = c->tok[i].end - c->tok[i].start;
    return (n == 1 && (s[0] == '"' || s[0] == '\'')) ||
           (n == 3 && s[0] == 0xE2 && s[1] == 0x80 && (s[2] >= 0x98 && s[2] <= 0x9F));
}



static size_t mention_last(const sr_context *c, size_t i)
{
    int32_t m = c->at[i].mention;
    while (i + 1 < c->ntok && c->at[i + 1].mention == m && m >= 0)
        i++;
    return i;
}


/* ---- sources ---- */

typedef struct speaker {
    int32_t ent;              /* entity index or -1 */
    uint32_t start, end;      /* words when no entity */
    size_t at;                /* token of the verb / "according" */
    bool ok;
} speaker;

typedef struct cstate {
    const sr_context *c;
    sr_date anchor;
    int32_t dominant;         /* the armed group named most, -1 */
    speaker last_person, last_org, last_any;
    speaker sp[16];
    size_t nsp;
    /* the last actor named by words the entities did not take ("it" may
     * stand for it) */
    uint32_t named_start, named_end;
    size_t named_sent, sent;  /* the sentence it was named in, the current one */
} cstate;

static bool ent_is_person(const sr_context *c, int32_t e)
{
    return e >= 0 && (size_t)e < c->nent && c->ent[e].e.kind == SITREP_ENTITY_PERSON;
}

/* Mentions before token i, latest first: a binary search for the last
 * mention starting before it, then a bounded walk back over mentions (not
 * tokens), so a pronoun costs the same in a long article as in a short
 * one. */
static size_t mentions_before(const sr_context *c, size_t i)
{
    uint32_t at = i < c->ntok ? c->tok[i].start : (c->ntok ? c->tok[c->ntok - 1].end : 0);
    size_t lo = 0, hi = c->nmen;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c->men[mid].span.start < at)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo; /* mentions [0, lo) start before token i */
}

enum { WANT_PERSON, WANT_ORG, WANT_COUNTRY };

/* The entity of the latest mention before token i that is a person, an
 * organisation (of `kind`, or any non-person non-place kind when 0) or a
 * country; -1 when none within 256 mentions. */
static int32_t latest_before(const sr_context *c, size_t i, int want, int kind)
{
    size_t m = mentions_before(c, i);
    for (size_t steps = 0; m-- > 0 && steps < 256; steps++) {
        uint32_t e = c->men[m].entity;
        if (e >= c->nent)
            continue;
        const sr_entity *en = &c->ent[e];
        bool ok = want == WANT_PERSON    ? en->e.kind == SITREP_ENTITY_PERSON
                  : want == WANT_COUNTRY ? sr_entity_is_country(en)
                                         : en->e.kind != SITREP_ENTITY_PERSON &&
                                               en->e.kind != SITREP_ENTITY_PLACE &&
                                               (kind == 0 || (int)en->e.kind == kind);
        if (ok)
            return (int32_t)e;
    }
    return -1;
}

static int32_t person_before(const sr_context *c, size_t i) { return latest_before(c, i, WANT_PERSON, 0); }
static int32_t org_before(const sr_context *c, size_t i) { return latest_before(c, i, WANT_ORG, 0); }

/* The last organisation of `kind` (any non-person, non-place kind when 0)
 * mentioned before token i. */
static int32_t org_of_kind(const sr_context *c, size_t i, int kind)
{
    return latest_before(c, i, WANT_ORG, kind);
}

/* "the group said" after "according to ACLED": a group that was quoted
 * before (a monitor, a rights group) is "the group" as much as an armed
 * one; whichever of the two was named last.  `armed` is the latest armed
 * group, `source` the organisation an earlier sentence quoted. */
static int32_t group_or_source(const sr_context *c, size_t i, int32_t source, int32_t armed)
{
    if (source < 0 || (size_t)source >= c->nent || c->ent[source].e.kind != SITREP_ENTITY_ORGANIZATION)
        return armed;
    size_t m = mentions_before(c, i);
    for (size_t steps = 0; m-- > 0 && steps < 256; steps++) {
        int32_t e = (int32_t)c->men[m].entity;
        if (e == source)
            return source;
        if (e == armed)
            return armed;
    }
    return armed >= 0 ? armed : source;
}


/* A noun phrase of at most 6 words ending at token `last`: an entity it
 * holds (a person first; an organisation when the head is a role noun such
 * as "a CENTCOM spokesman"), else its words without the article. */
static speaker np_speaker_d(const sr_context *c, size_t lo, size_t last, size_t at, bool nested);
static speaker np_speaker(const sr_context *c, size_t lo, size_t last, size_t at)
{
    return np_speaker_d(c, lo, last, at, false);
}

static speaker np_speaker_d(const sr_context *c, size_t lo, size_t last, size_t at, bool nested)
{
    speaker s = {-1, 0, 0, at, false};
    /* "Norvale and Veltrona both said": not "both" */
    while (last > lo + 1 && sr_tok_class(c, last, SR_LEX_CLAIMS_NOT_SPEAKER) && sr_tok_word(c, last - 1) &&
           !sr_tok_class(c, last - 1, SR_LEX_CLAIMS_NOT_SPEAKER) && !sr_tok_class(c, last - 1, SR_LEX_FRAME_DETERMINER) &&
           !sr_tok_class(c, last - 1, SR_LEX_FRAME_PREPOSITION) && !sr_tok_fw(c, last - 1, SR_LEXE_FW_AND))
        last--;
    size_t first = last;
    while (first > lo && last - first < 5) {
        size_t k = first - 1;
        if (c->tok[k].kind != SITREP_TOK_WORD && !sr_tok_char(c, k, '-') && !sr_tok_char(c, k, '.'))
            break;
        if (sr_tok_class(c, k, SR_LEX_FRAME_DETERMINER) || sr_tok_flag(c, k, SR_WI_SPEECH) ||
            sr_tok_class(c, k, SR_LEX_FRAME_SPEAKER_STOP) || sr_tok_class(c, k, SR_LEX_FRAME_BE) ||
            (sr_tok_class(c, k, SR_LEX_FRAME_LOCATIVE) && !is_cap(c, k)) || sr_tok_fw(c, k, SR_LEXE_FW_AND) ||
            sr_tok_fw(c, k, SR_LEXE_FW_THAT) || sr_tok_fw(c, k, SR_LEXE_FW_TO) || sr_tok_fw(c, k, SR_LEXE_FW_BY) ||
            sr_tok_class(c, k, SR_LEX_FRAME_RELATIVE) || c->at[k].figure >= 0)
            break;
        first = k;
    }
    while (first < last && sr_tok_class(c, first, SR_LEX_CLAIMS_SPEAKER_DROP))
        first++;
    /* no speaker is a time ("today said"), a participle ("causing damage
     * estimated at") or a number; "the residents of the area said" is
     * not "area" (but "a team of UN experts said" is "UN experts") */
    for (size_t k = first; k <= last; k++)
        if (c->at[k].time >= 0 || c->tok[k].kind == SITREP_TOK_NUMBER)
            return s;
    /* "29 percent said": the unit of a figure before it names no one */
    if (first > lo && c->at[first - 1].figure >= 0 && c->at[first].figure >= 0)
        return s;
    if (sr_tok_class(c, last, SR_LEX_FRAME_BE) || sr_tok_class(c, last, SR_LEX_FRAME_RELATIVE) ||
        sr_tok_fw(c, last, SR_LEXE_FW_WHOM) || (first == last && sr_tok_class(c, last, SR_LEX_CLAIMS_NOT_SPEAKER)))
        return s; /* "two of whom said", "two people are reported" */
    if (first > lo + 1 && sr_tok_class(c, first - 1, SR_LEX_FRAME_DETERMINER) && sr_tok_fw(c, first - 2, SR_LEXE_FW_OF)) {
        /* "the military commander of the area said": the role before "of" */
        if (!nested && first > lo + 2 && (sr_role_noun(c, first - 3) || sr_tok_class(c, first - 3, SR_LEX_CLAIMS_PERSON_ROLE)) &&
            c->at[first - 3].mention < 0)
            return np_speaker_d(c, lo, first - 3, at, true); /* once: no chain of "of the" */
        return s;
    }
    {
        size_t n = c->tok[first].end - c->tok[first].start;
        const char *w = c->src + c->tok[first].start;
        if (n > 4 && !is_cap(c, first) && memcmp(w + n - 3, "ing", 3) == 0 &&
            !(first > lo && sr_tok_class(c, first - 1, SR_LEX_FRAME_DETERMINER)))
            return s;
    }
    int32_t person = -1, org = -1;
    for (size_t k = first; k <= last; k++) {
        int32_t e;
        const sr_entity *en = sr_entity_at(c, k, &e);
        if (!en)
            continue;
        if (en->e.kind == SITREP_ENTITY_PERSON && person < 0)
            person = e;
        else if (en->e.kind != SITREP_ENTITY_PLACE && en->e.kind != SITREP_ENTITY_PERSON)
            org = e;
    }
    if (person >= 0) {
        s.ent = person;
        s.ok = true;
    } else if (org >= 0 && (sr_role_noun(c, last) || sr_entity_at(c, last, NULL))) {
        s.ent = org;
        s.ok = true;
    } else if (sr_tok_word(c, last) && !sr_tok_class(c, last, SR_LEX_FRAME_PRONOUN_PERSON) &&
               !sr_tok_class(c, last, SR_LEX_FRAME_PRONOUN_ORG)) {
        s.start = c->tok[first].start;
        s.end = c->tok[last].end;
        s.ok = true;
    }
    return s;
}

static speaker resolve_pronoun(const cstate *st, size_t k, size_t at)
{
    const sr_context *c = st->c;
    speaker s = {-1, 0, 0, at, false};
    if (sr_tok_class(c, k, SR_LEX_FRAME_PRONOUN_PERSON)) {
        s.ent = person_before(c, k);
        if (st->last_person.ok && st->last_person.ent >= 0 && s.ent < 0)
            s.ent = st->last_person.ent;
        s.ok = s.ent >= 0;
    } else if (sr_tok_fw(c, k, SR_LEXE_FW_IT)) {
        if (st->last_org.ok)
            s = st->last_org;
        else if ((s.ent = org_before(c, k)) >= 0)
            s.ok = true;
    } else if (sr_tok_fw(c, k, SR_LEXE_FW_THEY)) {
        if (st->last_any.ok)
            s = st->last_any;
    }
    s.at = at;
    return s;
}

/* The speaker of the speech verb at token v, read before it ("CENTCOM
 * said", "the US Central Command (CENTCOM) said", "Abdel Rahman, head of
 * the Observatory, said", "he said") or after it ("said CENTCOM"). */
static speaker speaker_of(const cstate *st, size_t lo, size_t hi, size_t v)
{
    const sr_context *c = st->c;
    speaker none = {-1, 0, 0, v, false};
    size_t k = v;
   while (k > lo && v - k < 8 && (sr_tok_class(c, k - 1, SR_LEX_CLAIMS_SPEAKER_ADVERB) || c->at[k - 1].time >= 0))
        k--;
    if (k > lo && sr_tok_char(c, k - 1, ')')) {
        size_t p = k - 1;
        while (p > lo && p + 8 > k && !sr_tok_char(c, p, '('))
            p--;
        if (sr_tok_char(c, p, '('))
            k = p;
    }
    /* "police in Nairobi said": the place says where the speaker is */
    if (k > lo) {
        const sr_entity *pl = sr_entity_at(c, k - 1, NULL);
        if (pl && pl->e.kind == SITREP_ENTITY_PLACE) {
            size_t f = sr_mention_first(c, k - 1);
            if (f > lo + 1 && sr_tok_class(c, f - 1, SR_LEX_FRAME_LOCATIVE) && sr_tok_word(c, f - 2) && !is_cap(c, f - 2))
                k = f - 1;
        }
    }
    /* "X confirmed the attack but put the toll at 61": the verb shares
     * the subject of the first; the sentence's first person or
     * organisation, else nobody (never the words "attack but") */
    if (k > lo && (sr_tok_fw(c, k - 1, SR_LEXE_FW_AND) || sr_tok_fw(c, k - 1, SR_LEXE_FW_BUT))) {
        for (size_t q = lo; q + 1 < k; q++) {
            int32_t e;
            const sr_entity *en = sr_entity_at(c, q, &e);
            if (en && (en->e.kind != SITREP_ENTITY_PLACE || sr_entity_is_country(en)))
                return (speaker){e, 0, 0, v, true};
            if (sr_tok_flag(c, q, SR_WI_SPEECH) || sr_tok_flag(c, q, SR_WI_EVENT))
                break;
        }
        return none;
    }
    if (k > lo) {
        size_t b = k - 1;
        int32_t e;
        const sr_entity *en = sr_entity_at(c, b, &e);
        if (en && (en->e.kind != SITREP_ENTITY_PLACE || sr_entity_is_country(en))) {
            speaker s = {e, 0, 0, v, true};
            /* "a CENTCOM spokesman" ends on the role noun, handled below;
             * "Lucas Webber" ends on the name */
            return s;
        }
        if (sr_tok_class(c, b, SR_LEX_FRAME_PRONOUN_PERSON) || sr_tok_class(c, b, SR_LEX_FRAME_PRONOUN_ORG))
            return resolve_pronoun(st, b, v);
        if (sr_tok_char(c, b, ',')) {
            /* the end of an appositive: "X, head of Y, said" */
            size_t p = b;
            while (p > lo && b - p < 18 && !sr_tok_char(c, p - 1, ','))
                p--;
            if (p > lo && sr_tok_char(c, p - 1, ',')) {
                for (size_t q = p; q < b; q++) {
                    const sr_entity *pe = sr_entity_at(c, q, &e);
                    if (pe && pe->e.kind == SITREP_ENTITY_PERSON)
                        return (speaker){e, 0, 0, v, true};
                }
                size_t before = p - 1;
                if (before > lo) {
                    const sr_entity *be = sr_entity_at(c, before - 1, &e);
                    if (be && be->e.kind != SITREP_ENTITY_PLACE)
                        return (speaker){e, 0, 0, v, true};
                    if (be && sr_entity_is_country(be))
                        return (speaker){e, 0, 0, v, true};
                    /* "A senior security official, who asked not to be named, said" */
                    if (!be && sr_tok_word(c, before - 1) && sr_role_noun(c, before - 1)) {
                        speaker sp = np_speaker(c, lo, before - 1, v);
                        if (sp.ok)
                            return sp;
                    }
                }
                /* "..., the group's spokesman, Abu X, said": the appositive names a role */
                for (size_t q = p; q < b; q++) {
                    const sr_entity *pe = sr_entity_at(c, q, &e);
                    if (pe && pe->e.kind != SITREP_ENTITY_PLACE)
                        return (speaker){e, 0, 0, v, true};
                }
            }
        } else if (sr_tok_word(c, b)) {
           if (sr_tok_class(c, b, SR_LEX_CLAIMS_DOCUMENT) && b > lo && sr_tok_fw(c, b - 1, SR_LEXE_FW_THE) && st->last_org.ok)
                return (speaker){st->last_org.ent, st->last_org.start, st->last_org.end, v, true};
            /* "the spokesman said": the person named before in that role;
             * "the bloc said": the organisation named before */
            if (b > lo && sr_tok_fw(c, b - 1, SR_LEXE_FW_THE) && sr_tok_class(c, b, SR_LEX_CLAIMS_PERSON_ROLE)) {
                int32_t p = person_before(c, b);
                if (p >= 0)
                    return (speaker){p, 0, 0, v, true};
            }
            if (b > lo && sr_tok_fw(c, b - 1, SR_LEXE_FW_THE) && sr_tok_class(c, b, SR_LEX_CLAIMS_ORG_NOUN)) {
                int32_t ok = sr_lex_value(c->wi[b].lex, SR_LEX_CLAIMS_ORG_NOUN, SR_LEXCOL_CLAIMS_ORG_NOUN_KIND);
                int kind = ok == SR_LEXE_ORG_KIND_MILITARY      ? SITREP_ENTITY_MILITARY
                           : ok == SR_LEXE_ORG_KIND_GOVERNMENT  ? SITREP_ENTITY_GOVERNMENT
                           : ok == SR_LEXE_ORG_KIND_ARMED_GROUP ? SITREP_ENTITY_ARMED_GROUP
                                                               : 0;
                int32_t o = org_of_kind(c, b, kind);
                if (sr_tok_fw(c, b, SR_LEXE_FW_GROUP) && st->last_org.ok)
                    o = group_or_source(c, b, st->last_org.ent, o);
                if (o >= 0)
                    return (speaker){o, 0, 0, v, true};
            }
            speaker s = np_speaker(c, lo, b, v);
            if (s.ok)
                return s;
        }
    }
    /* inverted: "..., said CENTCOM" / "said Major General X" */
    size_t a = v + 1;
    if (a < hi) {
        int32_t e;
        for (size_t q = a; q < hi && q < a + 5; q++) {
            if (sr_tok_char(c, q, ',') || sr_tok_char(c, q, '.') || sr_tok_fw(c, q, SR_LEXE_FW_THAT) ||
                sr_tok_fw(c, q, SR_LEXE_FW_ON) || sr_tok_fw(c, q, SR_LEXE_FW_IN) || c->at[q].figure >= 0 ||
                c->tok[q].kind == SITREP_TOK_NUMBER)
                break;
            const sr_entity *en = sr_entity_at(c, q, &e);
            if (en && en->e.kind != SITREP_ENTITY_PLACE)
                return (speaker){e, 0, 0, v, true};
        }
        if (sr_tok_class(c, a, SR_LEX_FRAME_DETERMINER) && sr_tok_word(c, a + 1)) {
            size_t last = a + 1;
            while (last + 1 < hi && last < a + 4 && sr_tok_word(c, last + 1) &&
                   !sr_tok_class(c, last + 1, SR_LEX_FRAME_LOCATIVE) && !sr_tok_fw(c, last + 1, SR_LEXE_FW_THAT))
                last++;
            if (sr_role_noun(c, last) || sr_tok_stem(c, last, "official", 1))
                return np_speaker(c, a + 1, last, v);
        }
    }
    return none;
}

/* "according to X": X as an entity (person, media or organisation) or as
 * its words up to the next comma, a verb or a date ("according to the first
 * police reports"); "reports released by press agencies" is the agencies;
 * "according to his statements" the person named before. */
static speaker according_to(const cstate *st, size_t a, size_t hi)
{
    const sr_context *c = st->c;
    speaker s = {-1, 0, 0, a, false};
    size_t k = a + 2;
    int32_t refers = sr_lex_value(sr_tok_lexid(c, k), SR_LEX_FRAME_POSSESSIVE_PRONOUN, 0);
    if (refers) {
        speaker p = refers == SR_LEXE_FRAME_POSSESSIVE_PRONOUN_REFERS_PERSON ? st->last_person
                    : refers == SR_LEXE_FRAME_POSSESSIVE_PRONOUN_REFERS_ORG  ? st->last_org
                                                                             : st->last_any;
        if (refers == SR_LEXE_FRAME_POSSESSIVE_PRONOUN_REFERS_PERSON && (!p.ok || p.ent < 0)) {
            p.ent = person_before(c, k);
            p.ok = p.ent >= 0;
        }
        p.at = a;
        return p;
    }
    if (sr_tok_class(c, k, SR_LEX_FRAME_DETERMINER))
        k++;
    size_t last = k, by = SIZE_MAX;
    int32_t best = -1;
    int rank = 0;
    for (size_t q = k; q < hi && q < k + 10; q++) {
        if (c->tok[q].kind == SITREP_TOK_PUNCT && !sr_tok_char(c, q, '.') && !sr_tok_char(c, q, '-') &&
            !sr_tok_char(c, q, '\'') && c->at[q].mention < 0)
            break;
        /* a verb ends it; a speech word in -s is a noun here ("according
         * to preliminary reports") */
        bool verb = sr_speech_verb(c, q) && (c->src[c->tok[q].end - 1] | 0x20) != 's';
        if (sr_tok_class(c, q, SR_LEX_FRAME_RELATIVE) || sr_tok_fw(c, q, SR_LEXE_FW_THAT) || verb ||
            (q > k && (sr_tok_class(c, q, SR_LEX_FRAME_LOCATIVE) || c->at[q].time >= 0 || c->at[q].figure >= 0)))
            break;
        if (q > k && sr_tok_fw(c, q, SR_LEXE_FW_BY))
            by = q; /* "reports released by press agencies" */
        last = q;
        int32_t e;
        const sr_entity *en = sr_entity_at(c, q, &e);
        if (!en)
            continue;
        int r = en->e.kind == SITREP_ENTITY_PERSON ? 3 : en->e.kind != SITREP_ENTITY_PLACE ? 2 : 0;
        if (r > rank) {
            rank = r;
            best = e;
        }
    }
    if (best >= 0) {
        s.ent = best;
        s.ok = true;
        return s;
    }
    if (by != SIZE_MAX && by < last) {
        k = by + 1;
        if (sr_tok_class(c, k, SR_LEX_FRAME_DETERMINER) && k < last)
            k++;
    }
    if (last >= k && k < hi && sr_tok_word(c, k)) {
        while (last > k && !sr_tok_word(c, last))
            last--;
        while (last > k && sr_tok_class(c, last, SR_LEX_FRAME_PREPOSITION))
            last--; /* "statements given to" */
        s.start = c->tok[k].start;
        s.end = c->tok[last].end;
        s.ok = true;
    }
    return s;
}

static void remember(cstate *st, const speaker *s)
{
    if (!s->ok)
        return;
    st->last_any = *s;
    if (s->ent >= 0 && ent_is_person(st->c, s->ent))
        st->last_person = *s;
    else if (s->ent >= 0)
        st->last_org = *s;
}

static bool named_back_noun(const sr_context *c, size_t lo, size_t b);
static int32_t business_back(const cstate *st, size_t b, uint32_t *ws, uint32_t *we);
static void find_speakers(cstate *st, size_t s)
{
    const sr_context *c = st->c;
    size_t lo = sr_sent_first(c, s), hi = sr_sent_end(c, s);
    st->nsp = 0;
    for (size_t i = lo; i < hi && st->nsp < sizeof st->sp / sizeof st->sp[0]; i++) {
        if (!sr_tok_flag(c, i, SR_WI_SPEECH))
            continue;
        speaker sp = {-1, 0, 0, i, false};
        if (sr_tok_fw(c, i, SR_LEXE_FW_ACCORDING) && sr_tok_fw(c, i + 1, SR_LEXE_FW_TO)) {
            sp = according_to(st, i, hi);
            /* the phrase's own speech nouns ("according to preliminary
             * reports") introduce no other source */
            while (i + 1 < hi && sp.end > sp.start && c->tok[i + 1].end <= sp.end)
                i++;
        } else if (sr_speech_verb(c, i))
            sp = speaker_of(st, lo, hi, i);
        if (sp.ok && sp.ent < 0 && sp.end > sp.start) {
            /* "the company said": the business named before */
            size_t b = sr_context_token_at(c, sp.end) - 1; /* the last word */
            if (b < c->ntok && named_back_noun(c, lo, b)) {
                uint32_t a = 0, z = 0;
                int32_t o = business_back(st, b, &a, &z);
                if (o >= 0 || z > a) {
                    sp.ent = o;
                    sp.start = o >= 0 ? 0 : a;
                    sp.end = o >= 0 ? 0 : z;
                }
            }
        }
        if (sp.ok) {
            st->sp[st->nsp++] = sp;
            remember(st, &sp);
        }
    }
}

/* ---- one claim ---- */

typedef struct fig_info {
    size_t f0, f1;      /* tokens of the figure expression [f0, f1) */
    size_t m0, m1;      /* tokens of its measure [m0, m1), m0 == m1 when none */
} fig_info;

static void fig_tokens(const sr_context *c, const sr_figure *f, fig_info *fi)
{
    fi->f0 = sr_context_token_at(c, f->start);
    fi->f1 = fi->f0;
    while (fi->f1 < c->ntok && c->tok[fi->f1].end <= f->end)
        fi->f1++;
    fi->m0 = fi->m1 = fi->f1;
    if (f->measure_end > f->measure_start) {
        fi->m0 = sr_context_token_at(c, f->measure_start);
        fi->m1 = fi->m0;
        while (fi->m1 < c->ntok && c->tok[fi->m1].end <= f->measure_end)
            fi->m1++;
    }
}

/* Appends token i's word, lower-cased, to the measure. */
static void put_word(char *m, size_t cap, const sr_context *c, size_t i)
{
    size_t n = strlen(m), l = c->tok[i].end - c->tok[i].start;
    if ((n ? n + 1 : 0) + l + 1 > cap)
        return; /* whole words only: a cut word could end inside a code point */
    if (n)
        m[n++] = ' ';
    for (size_t k = 0; k < l; k++) {
        char ch = c->src[c->tok[i].start + k];
        m[n++] = (ch >= 'A' && ch <= 'Z') ? (char)(ch + 32) : ch;
    }
    m[n] = '\0';
}

/* The counted noun: the measure's words without names, demonyms and
 * adjectives; a participle at its end ("militants killed") goes to
 * *outc, a name in it ("IS militants") to *actor. */
static void measure_noun(const sr_context *c, const fig_info *fi, char *noun, size_t cap,
                         const char **outc, int32_t *actor)
{
    noun[0] = '\0';
    for (size_t i = fi->m0; i < fi->m1; i++) {
        int32_t e;
        const sr_entity *en = sr_entity_at(c, i, &e);
        if (en) {
            if (*actor < 0 && en->e.kind != SITREP_ENTITY_PERSON && en->e.kind != SITREP_ENTITY_MEDIA &&
                (en->e.kind != SITREP_ENTITY_PLACE || sr_entity_is_country(en)))
                *actor = e;
            continue;
        }
        /* names and demonyms go ("Syrian rebels"); a capitalised head that is
         * no name stays (text in capitals: "4 MACHINEGUNS") */
        if (!sr_tok_word(c, i) || (is_cap(c, i) && i + 1 != fi->m1) ||
            sr_tok_class(c, i, SR_LEX_CLAIMS_DROP_ADJECTIVE))
            continue;
        /* "heavily armed men": an adverb in -ly goes with the adjective it
         * grades */
        if (i + 1 < fi->m1 && sr_tok_class(c, i + 1, SR_LEX_CLAIMS_DROP_ADJECTIVE) && c->tok[i].end - c->tok[i].start > 3 &&
            (c->src[c->tok[i].end - 1] | 0x20) == 'y' && (c->src[c->tok[i].end - 2] | 0x20) == 'l')
            continue;
        const char *o = outcome_of(c, i);
        if (o && (i + 1 == fi->m1 || noun[0] == '\0')) {
            *outc = o; /* "militants killed", "the displaced" */
            continue;
        }
        put_word(noun, cap, c, i);
    }
}

/* What happened to the counted, from a verb before the figure ("killing
 * 44", "the deaths of 44", "has captured 233") or after its noun ("who
 * were killed", "32 were captured"). */

static const char *outcome_around(const sr_context *c, const fig_info *fi, size_t lo, size_t hi,
                                  bool *toll)
{
    *toll = false;
    size_t a = fi->m1 > fi->f1 ? fi->m1 : fi->f1;
    if (sr_tok_fw(c, a, SR_LEXE_FW_TO) && sr_tok_fw(c, a + 1, SR_LEXE_FW_DEATH))
        return "killed"; /* "burned 2 suspected thieves to death" */
    /* "set fire to 6 buses", "among the dead were 3 soldiers": a phrase
     * that ends at the figure or at a form of "be" before it */
    for (size_t p = fi->f0 > lo + 5 ? fi->f0 - 5 : lo; p < fi->f0; p++) {
        size_t n = 0;
        const char *o = outcome_phrase(c, p, fi->f0, &n);
        if (o && (p + n == fi->f0 || (p + n + 1 == fi->f0 && sr_tok_class(c, p + n, SR_LEX_FRAME_BE))))
            return o;
    }
    size_t k = fi->f0;
    size_t steps = 0;
    while (k > lo && steps < 4) {
        k--;
        steps++;
        if (sr_tok_class(c, k, SR_LEX_CLAIMS_OUTCOME_SKIP))
            continue;
        if (sr_tok_fw(c, k, SR_LEXE_FW_OF)) {
            const char *o = outcome_noun(c, k - 1);
            if (o && k > lo)
                return o; /* "the deaths of 44" */
            continue;
        }
        /* "put the toll at 60", "the death toll rose to 21" */
        if (sr_tok_fw(c, k, SR_LEXE_FW_AT) || sr_tok_fw(c, k, SR_LEXE_FW_TO)) {
            /* the toll's own phrase may come between ("the death toll from
             * Sunday's bombing of a mosque has risen to 61") after a verb
             * of its change; no clause break nor other figure on the way */
            size_t reach = k > lo && sr_tok_class(c, k - 1, SR_LEX_CLAIMS_TOLL_CHANGE) ? 20 : 4;
            for (size_t q = k; q > lo && k - q < reach; q--) {
                if (sr_tok_class(c, q - 1, SR_LEX_CLAIMS_TOLL)) {
                    *toll = true;
                    return "killed";
                }
                if (q < k && (sr_clause_break(c, q - 1) || c->at[q - 1].figure >= 0))
                    break;
            }
            break;
        }
        const char *o = outcome_of(c, k);
        if (o && (!sr_tok_fw(c, k, SR_LEXE_FW_DEAD) || (k > lo && sr_tok_fw(c, k - 1, SR_LEXE_FW_SHOT))))
            return o; /* "killing 44", "shot dead 17"; not "left ... dead" */
        break;
    }
    size_t q0 = sr_skip_said(c, a, hi);
    for (size_t q = q0; q < hi && q < q0 + 4; q++) {
        const char *o = outcome_of(c, q);
        if (o)
            return o;
        /* "were set ablaze", "set 6 buses on fire", "were among the dead" */
        size_t n = 0;
        if ((o = outcome_phrase(c, q, hi, &n)) != NULL)
            return o;
        /* "16 members of the village patrol died": past the noun's "of"
         * phrase (a few words, no punctuation) to its verb */
        if (q == q0 && sr_tok_fw(c, q, SR_LEXE_FW_OF)) {
            size_t r = q + 1;
            while (r < hi && r < q + 7 && sr_tok_word(c, r) && !outcome_of(c, r) &&
                   !sr_tok_class(c, r, SR_LEX_CLAIMS_OUTCOME_AUX))
                r++;
            if (r < hi && r < q + 7 && sr_tok_word(c, r) && (outcome_of(c, r) || sr_tok_class(c, r, SR_LEX_CLAIMS_OUTCOME_AUX))) {
                q0 = r;
                q = r - 1;
                continue;
            }
        }
        /* "were seriously injured": how badly (events.hurt_degree) */
        if (!sr_tok_class(c, q, SR_LEX_CLAIMS_OUTCOME_AUX) && !sr_tok_class(c, q, SR_LEX_EVENTS_HURT_DEGREE))
            break;
    }
    return NULL;
}

/* The two countries named last before token i ("in both countries"). */
static size_t last_countries(const sr_context *c, size_t i, int32_t *out, size_t cap)
{
    size_t n = 0, m = mentions_before(c, i);
    for (size_t steps = 0; m-- > 0 && steps < 256 && n < cap; steps++) {
        uint32_t e = c->men[m].entity;
        if (e >= c->nent || !sr_entity_is_country(&c->ent[e]))
            continue;
        bool dup = false;
        for (size_t k = 0; k < n; k++)
            dup |= out[k] == (int32_t)e;
        if (!dup)
            out[n++] = (int32_t)e;
    }
    return n;
}

static bool verbish(const sr_context *c, size_t i);

static void add_place(sr_claim *cl, int32_t e)
{
    for (size_t k = 0; k < cl->nplaces; k++)
        if (cl->places[k] == e)
            return;
    if (cl->nplaces < SR_CLAIM_PLACES)
        cl->places[cl->nplaces++] = e;
}

/* The place "there" at token k stands for: the last town named before it
 * (a country when no town is named in the last few mentions), -1. */
static int32_t there_place(const sr_context *c, size_t k)
{
    size_t m = mentions_before(c, k);
    int32_t country = -1;
    for (size_t steps = 0; m-- > 0 && steps < 12; steps++) {
        uint32_t e = c->men[m].entity;
        if (e >= c->nent || c->ent[e].e.kind != SITREP_ENTITY_PLACE)
            continue;
        if (!sr_entity_is_country(&c->ent[e]))
            return (int32_t)e;
        if (country < 0)
            country = (int32_t)e;
    }
    return country;
}

/* Is the place mention ending at token `last` the owner of a figure
 * right after it ("Lebanon's 18 sects", "Chad's 3 million
 * herders")? */
static bool owner_place(const sr_context *c, size_t last)
{
    size_t k = last + 1;
    if (c->wi[last].flags & (SR_WI_POSS2 | SR_WI_POSS4))
        k = last + 1;
    else if ((sr_tok_char(c, k, '\'') || (k < c->ntok && c->src[c->tok[k].start] == '\xE2')) && sr_tok_fw(c, k + 1, SR_LEXE_FW_S))
        k += 2;
    else
        return false;
    for (size_t q = k; q < c->ntok && q < k + 3; q++)
        if (c->at[q].figure >= 0)
            return true;
    return false;
}

/* The place a distance to the reference place at token f locates: "in
 * Drammen, 40 km west of Oslo" is Drammen; -1 when none is named right
 * before the distance. */
static int32_t measured_place(const sr_context *c, size_t lo, size_t f)
{
    size_t k = sr_mention_first(c, f) - 1; /* "of", "from" */
    while (k > lo && (sr_tok_class(c, k - 1, SR_LEX_FRAME_DIRECTION_OF_DISTANCE) || sr_tok_char(c, k - 1, '-')))
        k--;
    if (k > lo)
        k--; /* the unit */
    while (k > lo && (c->at[k - 1].figure >= 0 || c->tok[k - 1].kind == SITREP_TOK_NUMBER))
        k--;
    if (k < lo + 2 || !sr_tok_char(c, k - 1, ','))
        return -1;
    int32_t e;
    const sr_entity *en = sr_entity_at(c, k - 2, &e);
    return en && en->e.kind == SITREP_ENTITY_PLACE ? e : -1;
}

/* Places of [lo, hi): locative places and "both countries". */
static void places_in(const sr_context *c, size_t lo, size_t hi, size_t clause_lo, sr_claim *cl)
{
    bool clean = true; /* tokens [lo, checked) are all places and possessives */
    size_t checked = lo;
    for (size_t i = lo; i < hi; i++) {
        /* "five were killed there": the town named before */
        if (sr_tok_fw(c, i, SR_LEXE_FW_THERE) && !sr_tok_class(c, i + 1, SR_LEX_FRAME_BE) &&
            !sr_tok_class(c, i + 1, SR_LEX_CLAIMS_FINITE) && !sr_tok_char(c, i + 1, '\'')) {
            int32_t t = there_place(c, i);
            if (t >= 0)
                add_place(cl, t);
            continue;
        }
        if ((sr_tok_fw(c, i, SR_LEXE_FW_BOTH) && sr_tok_fw(c, i + 1, SR_LEXE_FW_COUNTRIES)) ||
            (sr_tok_fw(c, i, SR_LEXE_FW_TWO) && sr_tok_fw(c, i + 1, SR_LEXE_FW_COUNTRIES) && i > 0 &&
             sr_tok_fw(c, i - 1, SR_LEXE_FW_THE))) {
            if (sr_place_located(c, clause_lo, i) || (i > 0 && sr_tok_class(c, i - 1, SR_LEX_FRAME_LOCATIVE))) {
                int32_t two[2];
                if (last_countries(c, i, two, 2) == 2) {
                    add_place(cl, two[1]);
                    add_place(cl, two[0]);
                }
            }
            continue;
        }
        int32_t e;
        const sr_entity *en = sr_entity_at(c, i, &e);
        if (!en || en->e.kind != SITREP_ENTITY_PLACE)
            continue;
        size_t last = mention_last(c, i);
        /* "police in Nairobi said", "told reporters in Geneva": where the
         * speaker is, not what the figure covers */
        bool speaker_place = sr_speakers_place(c, sr_mention_first(c, i), last, clause_lo,
                                               sr_sent_end(c, c->sent_of[last]));
        /* only places (and possessives) before it in its clause; read
         * once over the range, not again for each place */
        for (size_t first = sr_mention_first(c, i); clean && checked < first; checked++)
            clean = c->at[checked].mention >= 0 || sr_tok_fw(c, checked, SR_LEXE_FW_S) ||
                    sr_tok_char(c, checked, '\'') || c->src[c->tok[checked].start] == '\xE2';
        bool subject = clean && lo == clause_lo &&
                  sr_tok_class(c, last + 1, SR_LEX_CLAIMS_PLACE_SUBJECT_VERB);
        /* "300 km west of Kandra": the point the distance is measured
         * from, not where it happened */
        /* "20 km from Aldmoor, where gunmen killed 9": the place of
         * the relative clause after it */
        bool where = sr_tok_char(c, last + 1, ',') && sr_tok_class(c, last + 2, SR_LEX_FRAME_PLACE_RELATIVE);
        if (!where && sr_place_reference(c, clause_lo, i)) {
            int32_t m = measured_place(c, clause_lo, i);
            if (m >= 0 && !speaker_place)
                add_place(cl, m);
        } else if (!speaker_place && (subject || owner_place(c, last) || sr_place_located(c, clause_lo, i)))
            add_place(cl, e);
        i = last;
    }
}

/* "Sudan's El Fasher": a country that only locates a place of the list
 * is left out; the place carries its country. */
static void drop_locating_countries(const sr_context *c, sr_claim *cl)
{
    size_t n = 0;
    for (size_t i = 0; i < cl->nplaces; i++) {
        const sr_entity *p = &c->ent[cl->places[i]];
        bool locates = false;
        if (sr_entity_is_country(p) && p->e.country)
            for (size_t k = 0; k < cl->nplaces; k++) {
                const sr_entity *q = &c->ent[cl->places[k]];
                locates |= k != i && !sr_entity_is_country(q) && q->e.country &&
                           strcmp(q->e.country, p->e.country) == 0;
            }
        if (!locates)
            cl->places[n++] = cl->places[i];
    }
    cl->nplaces = (uint8_t)n;
}

/* The first day a statement of sentence [lo, hi) is dated by ("said on
 * Wednesday"): kept with its claims to compare with how other articles
 * date the same statement; year 0 when none. */
static sr_date said_date(const sr_context *c, size_t lo, size_t hi)
{
    sr_date none = {0};
    size_t t0, t1;
    int32_t t;
    for (size_t from = lo; (t = sr_next_date(c, from, hi, &t0, &t1)) >= 0; from = t1)
        if (c->times[t].precision == SR_PREC_DAY && sr_statement_date(c, t0, t1, lo, hi))
            return c->times[t].from;
    return none;
}

/* The figure's period: the dated time expression nearest it in its own
 * clause [back_lo, fwd_end) that is not the date of a statement.  Only
 * the clause is read, so a sentence of any length costs each figure no
 * more than its clause. */
static void period_of(const sr_context *c, const cstate *st, size_t s, const fig_info *fi,
                      size_t fwd_end, size_t back_lo, sr_claim *cl)
{
    size_t lo = sr_sent_first(c, s), hi = sr_sent_end(c, s);
    long best = -1;
    size_t bestd = (size_t)-1, best_t0 = lo;
    size_t t0, t1;
    int32_t t;
    size_t end = fwd_end > fi->f0 ? fwd_end : fi->f0;
    for (size_t from = back_lo; (t = sr_next_dated(c, from, end, true, &t0, &t1)) >= 0; from = t1) {
        if (t0 > lo && c->at[t0 - 1].time == t)
            continue; /* it begins before the clause */
        while (t1 < hi && c->at[t1].time == t)
            t1++;
        if (sr_statement_date(c, t0, t1, lo, hi))
            continue;
        size_t d;
        if (t0 >= fi->f1)
            d = t0 - fi->f1;
        else
            d = fi->f0 - t1 + 1;
        /* only the figure's own clause: "formed to fight IS, which lost
         * ground in 2019" does not date the coalition's size */
        bool own = (t0 >= fi->f1 && t0 < fwd_end) || (t1 <= fi->f0 && t0 >= back_lo);
        /* "11,000 points, which has not happened since 2004", "$2 billion
         * on top of the $40 billion that it lent yesterday": a relative
         * clause after a comma or after another figure has its own time;
         * "the $40 billion that it lent yesterday" is the figure's */
        bool other_fig = false;
        /* "X, who leaves four sons, was buried on Monday": past the end of
         * the relative clause the figure is in */
        if (own && t0 >= fi->f1)
            for (size_t q = fi->f0; q > back_lo && fi->f0 - q < 16;) {
                q--;
                if (sr_tok_class(c, q, SR_LEX_FRAME_RELATIVE) && q > lo &&
                    (sr_tok_char(c, q - 1, ',') || sr_tok_fw(c, q - 1, SR_LEXE_FW_AND))) {
                    for (size_t r = fi->f1; own && r < t0; r++)
                        own = !sr_tok_char(c, r, ',');
                    break;
                }
            }
        for (size_t q = fi->f1; own && q < t0; q++) {
            other_fig |= c->at[q].figure >= 0 && (q == 0 || c->at[q - 1].figure != c->at[q].figure) &&
                         c->tok[q].start >= c->figs[c->at[q].figure].start && q >= fi->m1 &&
                         !(q > 0 && sr_tok_char(c, q - 1, '(')); /* "(US$44 billion)": the same told again */
            bool rel = sr_tok_class(c, q, SR_LEX_FRAME_RELATIVE) ||
                       (sr_tok_fw(c, q, SR_LEXE_FW_THAT) && q > fi->f1 &&
                        (c->at[q - 1].measure >= 0 || c->at[q - 1].figure >= 0 || sr_tok_char(c, q - 1, ')')));
            if (rel && (other_fig || (q > 0 && sr_tok_char(c, q - 1, ','))))
                own = false;
        }
        /* "at 04:30, hours before two planes landed": a clause of another
         * happening between the time and the figure */
        for (size_t q = t1; own && q < fi->f0; q++)
            own = !sr_tok_class(c, q, SR_LEX_FRAME_SUBORDINATOR);
        if (!own)
            continue;
        if (d < bestd) {
            bestd = d;
            best = t;
            best_t0 = t0;
        }
    }
    /* "Two indexes also fell today: the Norvale 40 fell 9 points": a
     * clause after a colon, with no time of its own, elaborates the one
     * before it */
    size_t colon = fi->f0;
    while (best < 0 && colon > lo + 1 && fi->f0 - colon < 24 &&
           !(sr_tok_char(c, colon - 1, ':') && c->tok[colon].kind != SITREP_TOK_NUMBER))
        colon--; /* not the colon of a clock time */
    if (best < 0 && colon > lo + 1 && colon < fi->f0 && sr_tok_char(c, colon - 1, ':')) {
        for (size_t from = lo; (t = sr_next_dated(c, from, colon - 1, true, &t0, &t1)) >= 0; from = t1)
            if (!sr_statement_date(c, t0, t1, lo, colon - 1)) {
                best = t;
                best_t0 = t0;
            }
    }
    if (best < 0)
        return;
    const sr_time *tm = &c->times[best];
    cl->from = tm->from;
    cl->to = tm->to;
    /* "since President X took office in May 2023": from then until now */
    for (size_t k = best_t0; k > lo && best_t0 - k < 10;) {
        k--;
        if (sr_tok_char(c, k, ',') || sr_tok_char(c, k, ';') || c->at[k].figure >= 0)
            break;
        if (sr_tok_fw(c, k, SR_LEXE_FW_SINCE)) {
            if (st->anchor.year && st->anchor.month && st->anchor.day && sr_date_cmp(&cl->from, &st->anchor) <= 0)
                cl->to = st->anchor;
            break;
        }
    }
    if (!cl->future && st->anchor.year && st->anchor.month && st->anchor.day &&
        sr_date_cmp(&cl->from, &st->anchor) <= 0 && sr_date_cmp(&st->anchor, &cl->to) < 0)
        cl->to = st->anchor; /* so far: a count cannot cover days not yet lived */
}

static bool sentence_future(const sr_context *c, size_t s)
{
    for (size_t i = sr_sent_first(c, s); i < sr_sent_end(c, s); i++)
        if (sr_tok_flag(c, i, SR_WI_FUTURE))
            return true;
    return false;
}

/* A finite verb after a subject: "maintains", "deployed", "has". */
static bool verbish(const sr_context *c, size_t i)
{
   if (!sr_tok_word(c, i) || is_cap(c, i))
        return false;
    if (sr_tok_class(c, i, SR_LEX_CLAIMS_FINITE))
        return true;
    size_t n = c->tok[i].end - c->tok[i].start;
    const char *w = c->src + c->tok[i].start;
    return n > 3 && ((w[n - 1] == 's' && w[n - 2] != 's') || (w[n - 2] == 'e' && w[n - 1] == 'd'));
}

static bool subject_anaphor(const sr_context *c, size_t k)
{
    /* "the group", "the armed group", "the militant group", "the militants" */
    if (!sr_tok_class(c, k, SR_LEX_CLAIMS_ANAPHOR_HEAD))
        return false;
    for (size_t b = k; b > 0 && k - b < 3; b--)
        if (sr_tok_fw(c, b - 1, SR_LEXE_FW_THE))
            return true;
    return false;
}

/* Is token k a word of a name the entities did not take: a capital (or
 * capitals), no common word opening its sentence ("Police"), no month,
 * role or function word? */
static bool name_word(const sr_context *c, size_t k)
{
    if (!sr_tok_word(c, k) || !is_cap(c, k) || c->at[k].mention >= 0 || c->at[k].time >= 0)
        return false;
    const char *w = c->src + c->tok[k].start;
    size_t n = c->tok[k].end - c->tok[k].start;
    if (sr_month_number(w, n) || sr_weekday_number(w, n) || sr_tok_class(c, k, SR_LEX_FRAME_DETERMINER) ||
        sr_tok_class(c, k, SR_LEX_FRAME_ROLE_NOUN) || sr_tok_class(c, k, SR_LEX_FRAME_PREPOSITION) ||
        sr_tok_class(c, k, SR_LEX_FRAME_PRONOUN_PERSON) || sr_tok_class(c, k, SR_LEX_FRAME_PRONOUN_ORG))
        return false;
    if (sr_wordset_has(&sr_common_words, w, n) && !(c->tok[k].flags & SITREP_TOKF_ALLCAPS) &&
        !sr_wordset_has(&sr_proper_words, w, n))
        return false; /* "Police arrested", "Officials said"; not "Veltrona bought" */
    return true;
}

/* The verb right after a subject ending at token k, past an adverb or
 * an auxiliary ("Veltrona also bought", "Okafor has spent"): its token,
 * SIZE_MAX when none or when it is a speech verb ("X said" speaks, it
 * does not act). */
static size_t verb_after_subject(const sr_context *c, size_t k, size_t hi)
{
    size_t j = k + 1;
    /* "Okafor, the team's running back, gained": past an appositive
     * noun phrase (no relative, figure, verb or quote in it) */
    if (j < hi && sr_tok_char(c, j, ',') && sr_tok_class(c, j + 1, SR_LEX_FRAME_DETERMINER)) {
        size_t q = j + 1;
        while (q < hi && q < j + 10 && !sr_tok_char(c, q, ',') &&
               (sr_tok_word(c, q) || sr_tok_char(c, q, '\'') || c->src[c->tok[q].start] == '\xE2') && c->at[q].figure < 0 &&
               !sr_tok_flag(c, q, SR_WI_SPEECH) && !sr_tok_class(c, q, SR_LEX_FRAME_RELATIVE) &&
               !(q > j + 2 && verbish(c, q)))
            q++;
        if (q < hi && sr_tok_char(c, q, ',') && q > j + 2)
            j = q + 1;
    }
    if (j < hi && sr_tok_class(c, j, SR_LEX_CLAIMS_SPEAKER_ADVERB) && !sr_tok_class(c, j, SR_LEX_CLAIMS_FINITE))
        j++;
    if (j >= hi || sr_speech_verb(c, j))
        return SIZE_MAX;
    return verbish(c, j) || outcome_of(c, j) ? j : SIZE_MAX;
}

/* Does the verb at v govern the figure at f0: no clause break, relative,
 * comma or other figure between them, and few words? */
static bool governs(const sr_context *c, size_t v, size_t f0)
{
    if (v >= f0 || f0 - v > 6)
        return false;
    for (size_t q = v + 1; q < f0; q++)
        if (sr_clause_break(c, q) || sr_tok_char(c, q, ',') || c->at[q].mention >= 0 || sr_tok_class(c, q, SR_LEX_FRAME_RELATIVE) ||
            sr_tok_fw(c, q, SR_LEXE_FW_THAT) || sr_tok_fw(c, q, SR_LEXE_FW_WHERE) || sr_tok_fw(c, q, SR_LEXE_FW_WHEN) ||
            c->at[q].figure >= 0 || sr_tok_flag(c, q, SR_WI_SPEECH))
            return false;
    return true;
}

/* Is the verb at v passive ("was arrested", "were sued", "has been
 * charged", "was shot"): the subject is who it was done to, not who did
 * it.  "Be" before anything else ("was down 3%", "was in the car") is a
 * description of the subject. */
static bool passive(const sr_context *c, size_t v, size_t f0)
{
    bool be = false;
    size_t q = v;
    for (; q < f0 && q < v + 3 &&
           (sr_tok_class(c, q, SR_LEX_FRAME_BE) || sr_tok_class(c, q, SR_LEX_CLAIMS_SPEAKER_ADVERB));
         q++)
        be |= sr_tok_class(c, q, SR_LEX_FRAME_BE);
    if (!be || q >= f0 || !sr_tok_word(c, q))
        return false;
    size_t n = c->tok[q].end - c->tok[q].start;
    const char *w = c->src + c->tok[q].start;
    return (n > 3 && (w[n - 2] | 0x20) == 'e' && ((w[n - 1] | 0x20) == 'd' || (w[n - 1] | 0x20) == 'n')) ||
           outcome_of(c, q) || sr_tok_class(c, q, SR_LEX_CLAIMS_BY_NOT_ACTOR) ||
           sr_tok_class(c, q, SR_LEX_CLAIMS_IRREGULAR_PARTICIPLE);
}

/* An actor named by words at the subject before token `at` (not before
 * lo): a run of name words right before a finite verb or a possessive
 * ("Veltrona has 90 outlets", "The FNLQ seized", "Veltrona's total number
 * of orders").  Its words in *ws..*we; false when none. */
static bool subject_words(const sr_context *c, size_t lo, size_t k, size_t f0, uint32_t *ws, uint32_t *we)
{
    if (!name_word(c, k))
        return false;
    bool possessive = (c->wi[k].flags & (SR_WI_POSS2 | SR_WI_POSS4)) ||
                      ((sr_tok_char(c, k + 1, '\'') || (k + 1 < c->ntok && c->src[c->tok[k + 1].start] == '\xE2')) &&
                       sr_tok_fw(c, k + 2, SR_LEXE_FW_S));
    if (!possessive) {
        /* "Veltrona has 90 outlets"; not "Veltrona was fined with 3
         * others", "Veltrona visited the town where 9 died" */
        size_t v = verb_after_subject(c, k, c->ntok);
        if (v == SIZE_MAX || passive(c, v, f0) || !governs(c, v, f0))
            return false;
    }
    size_t first = k;
    while (first > lo && k - first < 4 && name_word(c, first - 1))
        first--;
    /* a person's name ("Maria Okonjo led") is no actor */
    if (sr_wordset_has(&sr_given_names, c->src + c->tok[first].start, c->tok[first].end - c->tok[first].start))
        return false;
    /* "in Syria", "with Veltrona": no subject after a preposition */
    if (first > lo && (sr_tok_class(c, first - 1, SR_LEX_FRAME_PREPOSITION) ||
                       sr_tok_class(c, first - 1, SR_LEX_FRAME_LOCATIVE)))
        return false;
    *ws = c->tok[first].start;
    *we = c->tok[k].start + (uint32_t)sr_wi_len(&c->tok[k], &c->wi[k]); /* "Veltrona's": Veltrona */
    return true;
}

/* The actor of a figure without a name in its measure: the subject before
 * it in its clause. */
static bool span_is_name(const sr_context *c, uint32_t at);

/* Does the figure count a stretch of service ("nearly four seasons as
 * coach", claims.lex tenure_span before "as")?  It is its clause subject's
 * tenure, whether that subject acted or was acted on. */
static bool tenure_figure(const sr_context *c, const fig_info *fi)
{
    return fi->m1 > fi->m0 && sr_tok_class(c, fi->m1 - 1, SR_LEX_CLAIMS_TENURE_SPAN) && sr_tok_fw(c, fi->m1, SR_LEXE_FW_AS);
}

static int32_t subject_actor(const cstate *st, size_t lo, size_t f0, bool outcome, bool tenure, uint32_t *ws,
                             uint32_t *we)
{
    const sr_context *c = st->c;
    for (size_t k = f0; k > lo && f0 - k < 24;) {
        k--;
        if (subject_words(c, lo, k, f0, ws, we))
            return -1; /* named by words the entities did not take */
        /* "CENTCOM said it conducted", "the army said its forces": the speaker */
        bool refers_back = false;
        if (sr_speech_verb(c, k))
            for (size_t q = k + 1; q < f0 && q < k + 7; q++)
                if (sr_tok_class(c, q, SR_LEX_FRAME_PRONOUN_ORG) || sr_tok_fw(c, q, SR_LEXE_FW_ITS) || sr_tok_fw(c, q, SR_LEXE_FW_THEIR)) {
                    refers_back = true;
                    break;
                }
        if (refers_back) {
            for (size_t q = 0; q < st->nsp; q++) {
                if (st->sp[q].at != k)
                    continue;
                if (st->sp[q].ent >= 0 && !ent_is_person(c, st->sp[q].ent))
                    return st->sp[q].ent;
                /* "Veltrona says that it might need $30 billion": a name the
                 * entities did not take speaks of itself */
                if (st->sp[q].ent < 0 && st->sp[q].end > st->sp[q].start && span_is_name(c, st->sp[q].start)) {
                    size_t f = sr_context_token_at(c, st->sp[q].start);
                    if (f < c->ntok && !sr_wordset_has(&sr_given_names, c->src + c->tok[f].start, c->tok[f].end - c->tok[f].start)) {
                        *ws = st->sp[q].start;
                        *we = st->sp[q].end;
                    }
                }
            }
            return -1;
        }
        if (sr_tok_char(c, k, ';') || sr_tok_char(c, k, ':') || sr_speech_verb(c, k) ||
            (sr_tok_fw(c, k, SR_LEXE_FW_ACCORDING) && sr_tok_fw(c, k + 1, SR_LEXE_FW_TO)) || c->at[k].figure >= 0 ||
            (is_quote_mark(c, k) && !(k > lo && c->at[k - 1].mention >= 0 && sr_tok_word(c, k + 1))))
            return -1;
        if (subject_anaphor(c, k))
            return st->dominant;
        int32_t e;
        const sr_entity *en = sr_entity_at(c, k, &e);
        if (!en)
            continue;
        size_t first = sr_mention_first(c, k);
        /* "According to the United Nations, at least 1,200 ...": the source */
        if ((first > lo + 1 && sr_tok_fw(c, first - 1, SR_LEXE_FW_TO) && sr_tok_fw(c, first - 2, SR_LEXE_FW_ACCORDING)) ||
            (first > lo + 2 && sr_tok_fw(c, first - 1, SR_LEXE_FW_THE) && sr_tok_fw(c, first - 2, SR_LEXE_FW_TO) &&
             sr_tok_fw(c, first - 3, SR_LEXE_FW_ACCORDING))) {
            k = first;
            continue;
        }
        if (en->e.kind == SITREP_ENTITY_PERSON) {
            /* "Okafor completed 28 passes", "Okafor has spent 19 seasons":
             * the person is the subject of the verb that governs the
             * figure; not "Okafor, who visited the site where 12 died" */
            size_t v = verb_after_subject(c, mention_last(c, k), f0);
            if (v != SIZE_MAX && governs(c, v, f0) && (tenure || (!passive(c, v, f0) && outcome == (outcome_of(c, v) != NULL))) &&
                !(first > lo && (sr_tok_class(c, first - 1, SR_LEX_FRAME_PREPOSITION) ||
                                 sr_tok_class(c, first - 1, SR_LEX_FRAME_LOCATIVE))))
                return e;
            k = first;
            continue;
        }
        if (en->e.kind == SITREP_ENTITY_PLACE) {
            /* "The US maintains 900": a country as a subject, not "in Syria" */
            if (sr_entity_is_country(en) && first > lo && !sr_tok_class(c, first - 1, SR_LEX_FRAME_LOCATIVE) &&
                !sr_tok_fw(c, first - 1, SR_LEXE_FW_OF) && !sr_tok_fw(c, first - 1, SR_LEXE_FW_FROM) &&
                !sr_tok_fw(c, first - 1, SR_LEXE_FW_TO) && !sr_tok_fw(c, first - 1, SR_LEXE_FW_AND) &&
                verbish(c, k + 1))
                return e;
            k = first;
            continue;
        }
        if (en->e.kind == SITREP_ENTITY_MEDIA) {
            k = first;
            continue;
        }
        /* an organisation after a preposition is no subject ("with the SDF") */
        bool by_noun = first > lo + 1 && sr_tok_fw(c, first - 1, SR_LEXE_FW_BY) && sr_tok_word(c, first - 2) &&
                       c->src[c->tok[first - 2].end - 1] == 's'; /* "Attacks by al-Shabaab" */
        if (!by_noun && first > lo && (sr_tok_fw(c, first - 1, SR_LEXE_FW_WITH) || sr_tok_fw(c, first - 1, SR_LEXE_FW_BY) ||
                           sr_tok_fw(c, first - 1, SR_LEXE_FW_TOLD) ||
                           sr_tok_fw(c, first - 1, SR_LEXE_FW_AGAINST) || sr_tok_fw(c, first - 1, SR_LEXE_FW_OF) ||
                           sr_tok_fw(c, first - 1, SR_LEXE_FW_ON) || sr_tok_fw(c, first - 1, SR_LEXE_FW_FROM)))
            return -1;
        if (first > lo + 1 && sr_tok_fw(c, first - 1, SR_LEXE_FW_THE) &&
            (sr_tok_fw(c, first - 2, SR_LEXE_FW_WITH) || sr_tok_fw(c, first - 2, SR_LEXE_FW_BY) ||
             sr_tok_fw(c, first - 2, SR_LEXE_FW_AGAINST) || sr_tok_fw(c, first - 2, SR_LEXE_FW_OF)))
            return -1;
        return e;
    }
    return -1;
}

/* An actor named after the figure: "57 members of the ELN", "73
 * executions by Houthi courts", "840 were claimed by JNIM", "three of its
 * fighters" (the organisation that speaks). */
static bool agent_head(const sr_context *c, size_t b);
static bool alpha_word(const sr_context *c, size_t k);

static int32_t actor_after(const cstate *st, const fig_info *fi, size_t hi, uint32_t *ws, uint32_t *we)
{
    const sr_context *c = st->c;
    if (fi->m1 > fi->m0 && fi->m0 >= fi->f1 + 1 &&
        (sr_tok_fw(c, fi->m0 - 1, SR_LEXE_FW_ITS) || sr_tok_fw(c, fi->m0 - 1, SR_LEXE_FW_THEIR))) {
        size_t bestd = (size_t)-1;
        int32_t who = -1;
        for (size_t q = 0; q < st->nsp; q++)
            if (st->sp[q].at < fi->f0 && st->sp[q].ent >= 0 && !ent_is_person(c, st->sp[q].ent) &&
                fi->f0 - st->sp[q].at < bestd) {
                bestd = fi->f0 - st->sp[q].at;
                who = st->sp[q].ent;
            }
        if (who >= 0)
            return who;
    }
    size_t a = fi->m1 > fi->f1 ? fi->m1 : fi->f1;
    for (size_t k = a; k < hi && k < a + 10; k++) {
        bool of = sr_tok_fw(c, k, SR_LEXE_FW_OF) && k == a;
        /* "carried out by JNIM", "claimed by"; not "fishermen held by" */
        bool by = sr_tok_fw(c, k, SR_LEXE_FW_BY) && k > a && !sr_tok_class(c, k - 1, SR_LEX_CLAIMS_BY_NOT_ACTOR);
        if (!of && !by) {
            if (sr_tok_char(c, k, ',') || c->at[k].figure >= 0)
                break;
            continue;
        }
        size_t q = k + 1;
        bool article = sr_tok_fw(c, q, SR_LEXE_FW_THE) || (by && sr_tok_class(c, q, SR_LEX_FRAME_DETERMINER) &&
                                                          !sr_tok_fw(c, q, SR_LEXE_FW_THAT));
        if (article)
            q++;
        int32_t e;
        const sr_entity *en = sr_entity_at(c, q, &e);
        if (en && en->e.kind != SITREP_ENTITY_PLACE && en->e.kind != SITREP_ENTITY_PERSON &&
            en->e.kind != SITREP_ENTITY_MEDIA)
            return e;
        /* "9,000 people are employed by Veltrona": a name the entities
         * did not take after the agent's "by" */
        if (!en && by && name_word(c, q) && !(c->tok[q].flags & SITREP_TOKF_ALLCAPS)) {
            size_t last = q;
            while (last + 1 < hi && last < q + 4 && name_word(c, last + 1))
                last++;
            /* "by Vorlandian troops": the forces; "by Vorlandian farmers": a
             * demonym or modifier of a noun that is no actor */
            size_t nx = last + 1;
            if (nx < hi && agent_head(c, nx)) {
                *ws = c->tok[q].start;
                *we = c->tok[nx].end;
                break;
            }
            if (nx < hi && sr_tok_word(c, nx) && !is_cap(c, nx) && !sr_tok_class(c, nx, SR_LEX_FRAME_PREPOSITION) &&
                !sr_tok_class(c, nx, SR_LEX_FRAME_LOCATIVE) && !sr_tok_fw(c, nx, SR_LEXE_FW_AND) && !sr_tok_fw(c, nx, SR_LEXE_FW_OR) &&
                !sr_tok_flag(c, nx, SR_WI_CLAUSE) && !sr_tok_class(c, nx, SR_LEX_FRAME_RELATIVE) && !sr_tok_fw(c, nx, SR_LEXE_FW_THAT))
                break;
            *ws = c->tok[q].start;
            *we = c->tok[last].start + (uint32_t)sr_wi_len(&c->tok[last], &c->wi[last]);
        } else if (!en && by && !is_cap(c, q)) {
            /* "killed by troops", "by a paramilitary group", "by an army
             * patrol": up to two modifiers before the head that acts */
            size_t h = q;
            while (h < hi && h < q + 2 && !agent_head(c, h) && sr_tok_word(c, h) && alpha_word(c, h) && !is_cap(c, h) &&
                   c->at[h].mention < 0 && c->at[h].time < 0 && !sr_tok_class(c, h, SR_LEX_FRAME_PREPOSITION) &&
                   !sr_tok_class(c, h, SR_LEX_FRAME_FUNCTION_WORD) && !sr_tok_fw(c, h, SR_LEXE_FW_AND) &&
                   !sr_tok_fw(c, h, SR_LEXE_FW_OR) && !sr_tok_class(c, h, SR_LEX_FRAME_DETERMINER) && !verbish(c, h))
                h++;
            while (h + 1 < hi && agent_head(c, h + 1) && !is_cap(c, h + 1))
                h++; /* "a militia group" */
            if (h < hi && agent_head(c, h) && !is_cap(c, h) && (h == q || article)) {
                *ws = c->tok[q].start;
                *we = c->tok[h].end;
            }
        }
        break;
    }
    return -1;
}

static bool unit_is_count_like(const char *unit)
{
    return unit[0] == '\0' || strcmp(unit, "percent") == 0 || strlen(unit) == 3; /* currency codes */
}


/* ---- the subject of the verb that governs a figure ---- */

static int32_t owner_of(const cstate *st, size_t lo, size_t o, uint32_t *ws, uint32_t *we);

/* A name the entities did not take, ending at token e: capitalised words
 * (any word inside a sentence, a common one only after another capital at
 * its start), with numbers, "&" and hyphens inside ("Norvale 40", "B&K
 * 200", "Brantley Composite Average").  Its first token in *first; false
 * when token e opens none. */
static bool name_run(const sr_context *c, size_t lo, size_t e, size_t *first)
{
    size_t k = e + 1, words = 0;
    while (k > lo && e + 1 - k < 6) {
        size_t q = k - 1;
        bool inner = q < e && (sr_tok_char(c, q, '&') || sr_tok_char(c, q, '-'));
        bool num = c->tok[q].kind == SITREP_TOK_NUMBER && q == e && q > lo && is_cap(c, q - 1);
        if (!inner && !num) {
            if (!sr_tok_word(c, q) || !is_cap(c, q) || c->at[q].mention >= 0 || c->at[q].time >= 0)
                break;
            const char *w = c->src + c->tok[q].start;
            size_t n = c->tok[q].end - c->tok[q].start;
            if (sr_month_number(w, n) || sr_weekday_number(w, n) || sr_tok_class(c, q, SR_LEX_FRAME_DETERMINER) ||
                sr_tok_class(c, q, SR_LEX_FRAME_PREPOSITION) || sr_tok_class(c, q, SR_LEX_FRAME_PRONOUN_PERSON) ||
                sr_tok_class(c, q, SR_LEX_FRAME_PRONOUN_ORG) || sr_tok_class(c, q, SR_LEX_FRAME_SPEAKER_STOP) ||
                sr_tok_class(c, q, SR_LEX_FRAME_POSSESSIVE_PRONOUN))
                break;
            /* "Troops seized": a common word opening the sentence is no name
             * unless a capital follows it in the run ("Halvorsen Air") */
            if ((c->tok[q].flags & SITREP_TOKF_SENT_START) && !(c->tok[q].flags & SITREP_TOKF_ALLCAPS) &&
                sr_wordset_has(&sr_common_words, w, n) && !sr_wordset_has(&sr_proper_words, w, n) &&
                (q == e || !is_cap(c, q + 1)))
                break;
            /* text in capitals: a common word is no name ("A SOUND
             * RELATIONSHIP WILL"), nor is a word longer than an acronym
             * the entities did not take */
            if ((c->tok[q].flags & SITREP_TOKF_ALLCAPS) && n > 1 && q + 1 < c->ntok &&
                (c->tok[q + 1].flags & SITREP_TOKF_ALLCAPS) && (n > 5 || sr_wordset_has(&sr_common_words, w, n)))
                break;
            words++;
        }
        k = q;
    }
    while (k <= e && !sr_tok_word(c, k))
        k++;
    if (!words || k > e)
        return false;
    *first = k;
    return true;
}

/* Is token k a finite verb that may govern a figure after it: a verb of
 * claims.finite, a word in -s or -ed, an outcome verb, or a participle
 * in -ing right after a name ("with the Norvale 40 losing 3%")? */
static bool governing_verb(const sr_context *c, size_t lo, size_t k)
{
    if (verbish(c, k) || outcome_of(c, k))
        return true;
    size_t n = c->tok[k].end - c->tok[k].start;
    const char *w = c->src + c->tok[k].start;
    if (k > lo + 1 && sr_tok_class(c, k - 1, SR_LEX_CLAIMS_NAME_HEAD) && !is_cap(c, k - 1))
        k--; /* "the Norvale average losing" */
    return sr_tok_word(c, k) && n > 5 && memcmp(w + n - 3, "ing", 3) == 0 && k > lo &&
           (is_cap(c, k - 1) || c->at[k - 1].mention >= 0 ||
            (c->tok[k - 1].kind == SITREP_TOK_NUMBER && k > lo + 1 && is_cap(c, k - 2)));
}

/* Is token k a word of letters only ("bomber", not "year-old" parts)? */
static bool alpha_word(const sr_context *c, size_t k)
{
    for (uint32_t p = c->tok[k].start; p < c->tok[k].end; p++) {
        unsigned char ch = (unsigned char)c->src[p];
        if (!((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z'))
            return false;
    }
    return true;
}

/* Do the words of an actor that start at byte `at` open with a name, not
 * a common word ("Troops seized" opening a sentence)? */
static bool span_is_name(const sr_context *c, uint32_t at)
{
    size_t k = sr_context_token_at(c, at);
    if (k >= c->ntok || !is_cap(c, k))
        return false;
    const char *w = c->src + c->tok[k].start;
    size_t n = c->tok[k].end - c->tok[k].start;
    return !(c->tok[k].flags & SITREP_TOKF_SENT_START) || !sr_wordset_has(&sr_common_words, w, n) ||
           sr_wordset_has(&sr_proper_words, w, n);
}

/* Is the name-words actor remembered from this or the sentence before
 * (st->named_*) one "the company" or "it" at token k may stand for? */
static bool named_recent(const cstate *st, size_t k)
{
    return st->named_end > st->named_start && st->named_end <= st->c->tok[k].start && st->named_sent + 1 >= st->sent;
}

/* The last name the entities did not take that was used as a subject
 * before token k ("Kelvar is the third-largest carmaker", "Kelvar's
 * sales"): what "it" or "the company" stands for when no entity does.
 * Not in text set in capitals (every word looks like a name there), not
 * a person's given name; at most 400 tokens back. */
static bool doc_name_before(const sr_context *c, size_t k, bool in_sentence, uint32_t *ws, uint32_t *we)
{
    bool same = in_sentence; /* in k's sentence: any name ("the Kelvar chief said the company") */
    for (size_t q = k; q > 0 && k - q < 400;) {
        q--;
        if (q + 1 < k && (c->tok[q + 1].flags & SITREP_TOKF_SENT_START))
            same = false;
        /* "the Boeing 777 is": a name and its number */
        size_t last = q;
        if (c->tok[q].kind == SITREP_TOK_NUMBER && c->at[q].figure < 0 && q > 0 && name_word(c, q - 1))
            q--;
        else if (q + 1 < k && name_word(c, q + 1))
            continue;
        /* text in capitals: a capital word before another names nothing
         * ("THE ARMY SAID"); an acronym in mixed text does ("EADS said") */
        if (!name_word(c, q) || ((c->tok[q].flags & SITREP_TOKF_ALLCAPS) && last + 1 < k && sr_tok_word(c, last + 1) &&
                                 (c->tok[last + 1].flags & SITREP_TOKF_ALLCAPS)))
            continue;
        size_t first = q;
        while (first > 0 && q - first < 3 && name_word(c, first - 1) && !(c->tok[first - 1].flags & SITREP_TOKF_ALLCAPS))
            first--;
        if (c->tok[first].flags & SITREP_TOKF_ALLCAPS && first == q && last + 1 >= k)
            continue;
        if (sr_wordset_has(&sr_given_names, c->src + c->tok[first].start, c->tok[first].end - c->tok[first].start) ||
            (first > 0 && (sr_tok_class(c, first - 1, SR_LEX_FRAME_PREPOSITION) || sr_tok_class(c, first - 1, SR_LEX_FRAME_LOCATIVE)))) {
            q = first;
            continue;
        }
        bool poss = (c->wi[last].flags & (SR_WI_POSS2 | SR_WI_POSS4)) != 0;
        size_t nx = last + 1;
        /* a subject, an owner, or a business introduced by its noun ("the
         * carmaker Kelvar, which") */
        if (!(poss || (same && !(c->tok[first].flags & SITREP_TOKF_ALLCAPS)) ||
              (first > 0 && sr_tok_class(c, first - 1, SR_LEX_CLAIMS_NAMED_BACK_NOUN)) ||
              /* "Kelvar, the third carmaker, has": a name opening its sentence before an aside */
              ((c->tok[first].flags & SITREP_TOKF_SENT_START) && nx < k && sr_tok_char(c, nx, ',') &&
               !(c->tok[first].flags & SITREP_TOKF_ALLCAPS)) ||
              (nx < k && (verbish(c, nx) || sr_tok_class(c, nx, SR_LEX_CLAIMS_FINITE) || sr_speech_verb(c, nx))))) {
            q = first;
            continue;
        }
        *ws = c->tok[first].start;
        *we = c->tok[last].start + (uint32_t)sr_wi_len(&c->tok[last], &c->wi[last]);
        return true;
    }
    return false;
}

/* Where entity e was last mentioned before token i (its byte), 0 when
 * not within 256 mentions. */
static uint32_t entity_last_at(const sr_context *c, size_t i, int32_t e)
{
    size_t m = mentions_before(c, i);
    for (size_t steps = 0; m-- > 0 && steps < 256; steps++)
        if (c->men[m].entity == (uint32_t)e)
            return c->men[m].span.start;
    return 0;
}

/* Does the noun at b, with "the" before it (a modifier between allowed:
 * "the auto maker"), stand for a business named before? */
static bool named_back_noun(const sr_context *c, size_t lo, size_t b)
{
    if (!sr_tok_class(c, b, SR_LEX_CLAIMS_NAMED_BACK_NOUN))
        return false;
    if (b > lo && sr_tok_fw(c, b - 1, SR_LEXE_FW_THE))
        return true;
    return b > lo + 1 && sr_tok_fw(c, b - 2, SR_LEXE_FW_THE) && sr_tok_word(c, b - 1) && !is_cap(c, b - 1) &&
           c->at[b - 1].figure < 0;
}

/* Who the words of a common noun phrase ending at token b stand for:
 * "the company" is the organisation named before (claims.org_noun),
 * "the group" the armed group, "the quarterback" the person named before
 * in a role.  -1 when they name nobody known. */
static int32_t np_named_back(const cstate *st, size_t lo, size_t b)
{
    const sr_context *c = st->c;
    if (!(b > lo && sr_tok_fw(c, b - 1, SR_LEXE_FW_THE)))
        return -1;
    if (subject_anaphor(c, b) && st->dominant >= 0)
        return st->dominant;
    if (sr_tok_class(c, b, SR_LEX_CLAIMS_PERSON_ROLE) || sr_tok_class(c, b, SR_LEX_FRAME_ROLE_NOUN))
        return person_before(c, b);
    if (sr_tok_class(c, b, SR_LEX_CLAIMS_ORG_NOUN) || sr_tok_class(c, b, SR_LEX_CLAIMS_AGENT_NOUN)) {
        int32_t ok = sr_lex_value(c->wi[b].lex, SR_LEX_CLAIMS_ORG_NOUN, SR_LEXCOL_CLAIMS_ORG_NOUN_KIND);
        int kind = ok == SR_LEXE_ORG_KIND_MILITARY      ? SITREP_ENTITY_MILITARY
                   : ok == SR_LEXE_ORG_KIND_GOVERNMENT  ? SITREP_ENTITY_GOVERNMENT
                   : ok == SR_LEXE_ORG_KIND_ARMED_GROUP ? SITREP_ENTITY_ARMED_GROUP
                                                       : 0;
        return kind || !sr_tok_class(c, b, SR_LEX_CLAIMS_AGENT_NOUN) || sr_tok_class(c, b, SR_LEX_CLAIMS_ORG_NOUN)
                   ? org_of_kind(c, b, kind)
                   : org_before(c, b);
    }
    return -1;
}

/* Is token b the head of a noun phrase that can act: a state's forces,
 * attackers, an armed group, an organisation ("the company", "troops",
 * "gunmen")? */
static bool agent_head(const sr_context *c, size_t b)
{
    return sr_tok_word(c, b) &&
           !((c->tok[b].flags & SITREP_TOKF_CAP) && !(c->tok[b].flags & (SITREP_TOKF_SENT_START | SITREP_TOKF_ALLCAPS))) &&
           (sr_tok_class(c, b, SR_LEX_EVENTS_FORCE_NOUN) || sr_tok_class(c, b, SR_LEX_EVENTS_ATTACKER) ||
            sr_tok_class(c, b, SR_LEX_CLAIMS_ANAPHOR_HEAD) || sr_tok_class(c, b, SR_LEX_CLAIMS_ORG_NOUN) ||
            sr_tok_class(c, b, SR_LEX_CLAIMS_AGENT_NOUN) || sr_tok_class(c, b, SR_LEX_EVENTS_MEMBER_NOUN));
}

/* Who "the company" ending at token b stands for: the name remembered
 * from a figure of this or the sentence before, else the organisation or
 * the name not taken by the entities used last before it. */
static int32_t business_back(const cstate *st, size_t b, uint32_t *ws, uint32_t *we)
{
    const sr_context *c = st->c;
    if (named_recent(st, b)) {
        *ws = st->named_start;
        *we = st->named_end;
        return -1;
    }
    uint32_t a = 0, z = 0;
    bool words = doc_name_before(c, b, true, &a, &z);
    int32_t o = org_of_kind(c, b, SITREP_ENTITY_ORGANIZATION);
    if (o >= 0 && (!words || entity_last_at(c, b, o) > a))
        return o;
    *ws = a;
    *we = z;
    return -1;
}

/* The actor a pronoun or possessive pronoun at k stands for: "he", "his"
 * the person named last, "it", "its" the organisation that acted or
 * spoke last, "they", "their" the organisation named last. */
static int32_t pronoun_actor(const cstate *st, size_t k, uint32_t *ws, uint32_t *we)
{
    const sr_context *c = st->c;
    bool person = sr_tok_class(c, k, SR_LEX_FRAME_PRONOUN_PERSON) || sr_tok_fw(c, k, SR_LEXE_FW_HIS) || sr_tok_fw(c, k, SR_LEXE_FW_HER);
    if (person) {
        int32_t p = person_before(c, k);
        if (p < 0 && st->last_person.ok)
            p = st->last_person.ent;
        /* a person's name the entities did not take ("Tomas Reyes ran
         * ... He also caught") */
        if (p < 0 && named_recent(st, k)) {
            size_t f = sr_context_token_at(c, st->named_start);
            if (f < c->ntok && sr_wordset_has(&sr_given_names, c->src + c->tok[f].start, c->tok[f].end - c->tok[f].start)) {
                *ws = st->named_start;
                *we = st->named_end;
            }
        }
        return p;
    }
    if (!(sr_tok_fw(c, k, SR_LEXE_FW_IT) || sr_tok_fw(c, k, SR_LEXE_FW_ITS) || sr_tok_fw(c, k, SR_LEXE_FW_THEY) || sr_tok_fw(c, k, SR_LEXE_FW_THEIR)))
        return -1;
    /* "the army said its troops", "X said it lost": the speaker before it */
    for (size_t q = st->nsp; q-- > 0;)
        if (st->sp[q].at < k && st->sp[q].ok && !ent_is_person(c, st->sp[q].ent)) {
            *ws = st->sp[q].start;
            *we = st->sp[q].end;
            return st->sp[q].ent;
        }
    int32_t o = org_before(c, k);
    /* the name-words actor of an earlier figure when it came after the
     * last organisation the entities took */
    bool org_later = false;
    if (o >= 0 && st->named_end > st->named_start) {
        size_t m = mentions_before(c, k);
        for (size_t steps = 0; m-- > 0 && steps < 64 && c->men[m].span.start >= st->named_start; steps++)
            org_later |= c->men[m].entity == (uint32_t)o;
    }
    if (named_recent(st, k) && (o < 0 || !org_later)) {
        *ws = st->named_start;
        *we = st->named_end;
        return -1;
    }
    /* "Kelvar ... It lost $2 billion": a name the entities did not take,
     * used as a subject after the organisation they took was named */
    uint32_t a = 0, z = 0;
    if (sr_tok_fw(c, k, SR_LEXE_FW_IT) && doc_name_before(c, k, false, &a, &z) && (o < 0 || entity_last_at(c, k, o) < a)) {
        *ws = a;
        *we = z;
        return -1;
    }
    return o;
}

/* The subject that opens the sentence at lo, when a name or an entity
 * followed by its verb: "The Norvale 40 index closed at 4,120, up 2%",
 * "The Norvale rose to 4,120 after gaining 2%". */
static int32_t sentence_subject(const cstate *st, size_t lo, size_t hi, uint32_t *ws, uint32_t *we)
{
    const sr_context *c = st->c;
    size_t k = lo;
    if (k < hi && sr_tok_class(c, k, SR_LEX_FRAME_DETERMINER))
        k++;
    int32_t e = -1;
    size_t last = k;
    const sr_entity *en = k < hi ? sr_entity_at(c, k, &e) : NULL;
    if (en) {
        if (en->e.kind == SITREP_ENTITY_MEDIA || en->e.kind == SITREP_ENTITY_PLACE || en->e.kind == SITREP_ENTITY_PERSON)
            return -1;
        last = mention_last(c, k);
    } else {
        while (last + 1 < hi && last < k + 5 &&
               ((is_cap(c, last + 1) && sr_tok_word(c, last + 1) && c->at[last + 1].mention < 0) ||
                sr_tok_char(c, last + 1, '&') || (c->tok[last + 1].kind == SITREP_TOK_NUMBER && c->at[last + 1].figure < 0)))
            last++;
        size_t first;
        if (!is_cap(c, k) || !name_run(c, lo, last, &first) || first != k)
            return -1;
    }
    size_t v = last + 1;
    while (v < hi && v < last + 3 && sr_tok_class(c, v, SR_LEX_CLAIMS_NAME_HEAD) && !is_cap(c, v))
        v++;
    /* "The Norvale index also fell": past an adverb before the verb */
    if (v < hi && v > last + 1 && sr_tok_class(c, v, SR_LEX_CLAIMS_SPEAKER_ADVERB) && !sr_tok_class(c, v, SR_LEX_CLAIMS_FINITE))
        v++;
    if (v >= hi || !(verbish(c, v) || sr_tok_class(c, v, SR_LEX_CLAIMS_FINITE)) || sr_tok_flag(c, v, SR_WI_SPEECH))
        return -1;
    if (e >= 0)
        return e;
    *ws = c->tok[k].start;
    *we = c->tok[last].end;
    return -1;
}

/* "the plane destroyed 12 houses", "a patrol inflicted 3 casualties", "the
 * ship has seized 90 rifles": a common noun phrase with its article as the
 * subject of an active verb names who did it by its words (the article
 * left off, up to two modifiers kept).  Not an event ("the blast killed
 * 9": what happened, not who did it), a tally ("the toll rose to 40"),
 * a pronoun-like quantity word ("some", "others") or a time word. */
static int32_t common_subject(const sr_context *c, size_t lo, size_t b, uint32_t *ws, uint32_t *we)
{
    if (!sr_tok_word(c, b) || !alpha_word(c, b) || c->at[b].mention >= 0 || c->at[b].time >= 0 ||
        c->tok[b].end - c->tok[b].start < 3 || sr_tok_class(c, b, SR_LEX_EVENTS_TRIGGERS) ||
        sr_lex_heads(c->wi[b].lex, SR_LEX_EVENTS_TRIGGERS) || sr_tok_class(c, b, SR_LEX_FRAME_TALLY_NOUN) ||
        sr_tok_class(c, b, SR_LEX_CLAIMS_NOT_SPEAKER) || sr_tok_class(c, b, SR_LEX_CLAIMS_TOLL) ||
        sr_tok_class(c, b, SR_LEX_CLAIMS_SUBJECT_NOT_ACTOR) || sr_tok_class(c, b, SR_LEX_FRAME_DETERMINER) ||
        sr_tok_class(c, b, SR_LEX_FRAME_PLACE_OF) || sr_tok_class(c, b, SR_LEX_FRAME_PLACE_KIND) ||
        sr_tok_class(c, b, SR_LEX_FRAME_PRONOUN_PERSON) || sr_tok_class(c, b, SR_LEX_FRAME_PRONOUN_ORG) ||
        sr_tok_class(c, b, SR_LEX_FRAME_FUNCTION_WORD) || sr_tok_class(c, b, SR_LEX_FRAME_PREPOSITION) ||
        outcome_noun(c, b) || verbish(c, b) ||
        ((c->tok[b].flags & SITREP_TOKF_CAP) && !(c->tok[b].flags & (SITREP_TOKF_SENT_START | SITREP_TOKF_ALLCAPS))))
        return -1;
    size_t s0 = b;
    while (s0 > lo && b - s0 < 3 && sr_tok_word(c, s0 - 1) && alpha_word(c, s0 - 1) &&
           !sr_tok_class(c, s0 - 1, SR_LEX_FRAME_DETERMINER) && !sr_tok_class(c, s0 - 1, SR_LEX_FRAME_FUNCTION_WORD) &&
           !sr_tok_class(c, s0 - 1, SR_LEX_FRAME_PREPOSITION) && !sr_tok_class(c, s0 - 1, SR_LEX_FRAME_BE) &&
           !sr_clause_break(c, s0 - 1) && !sr_tok_flag(c, s0 - 1, SR_WI_SPEECH) && c->at[s0 - 1].mention < 0 &&
           c->at[s0 - 1].time < 0 && !verbish(c, s0 - 1) && !sr_tok_class(c, s0 - 1, SR_LEX_CLAIMS_IRREGULAR_PARTICIPLE) &&
           !sr_tok_class(c, s0 - 1, SR_LEX_CLAIMS_FINITE) && !outcome_of(c, s0 - 1))
        s0--;
    /* only with its article: "the plane", "a military patrol"; a bare
     * noun ("Fire destroyed") may be a mass or an event */
    if (s0 <= lo || !sr_tok_class(c, s0 - 1, SR_LEX_FRAME_DETERMINER) || sr_tok_fw(c, s0 - 1, SR_LEXE_FW_THAT))
        return -1;
    size_t d = s0 - 1;
    if (d > lo && !(sr_clause_break(c, d - 1) || sr_tok_char(c, d - 1, ',') || sr_tok_flag(c, d - 1, SR_WI_SPEECH) ||
                    sr_tok_fw(c, d - 1, SR_LEXE_FW_THAT) || sr_tok_fw(c, d - 1, SR_LEXE_FW_AND) ||
                    sr_tok_fw(c, d - 1, SR_LEXE_FW_BUT) || sr_tok_class(c, d - 1, SR_LEX_CLAIMS_SPEAKER_ADVERB) ||
                    is_quote_mark(c, d - 1) || sr_tok_char(c, d - 1, ':')))
        return -1; /* "the ruins of the town", "with the plane": no subject */
    while (s0 < b && sr_tok_class(c, s0, SR_LEX_CLAIMS_DROP_ADJECTIVE))
        s0++;
    *ws = c->tok[s0].start;
    *we = c->tok[b].end;
    return -1;
}

/* Where the subject ends that comes before the verb, when token b is no
 * word of it: "he'll earn" (a contraction), "the Brantley Composite
 * Average (BCA) fell" (a bracket), "the Veltrona company, Halvorsen,
 * will appoint" (a name in apposition), "Okafor, a junior, now has" (an
 * appositive noun phrase), "Tom Okafor, who completed" (a relative
 * pronoun's antecedent).  b itself otherwise; SIZE_MAX when the comma
 * closes nothing that can be a subject. */
static size_t subject_end(const sr_context *c, size_t lo, size_t b)
{
    if (b > lo + 1 && sr_tok_class(c, b, SR_LEX_FRAME_CONTRACTION) &&
        (sr_tok_char(c, b - 1, '\'') || c->src[c->tok[b - 1].start] == '\xE2'))
        return b - 2;
    if (sr_tok_class(c, b, SR_LEX_FRAME_RELATIVE) && !sr_tok_fw(c, b, SR_LEXE_FW_WHOM) && b > lo + 1 && sr_tok_char(c, b - 1, ','))
        b -= 2; /* the antecedent, then as any subject before a comma */
    else if (!sr_tok_char(c, b, ',') && !sr_tok_char(c, b, ')'))
        return b;
    if (sr_tok_char(c, b, ')')) {
        for (size_t q = b; q > lo && b - q < 8;) {
            q--;
            if (sr_tok_char(c, q, '('))
                return q > lo ? q - 1 : SIZE_MAX;
            if (sr_tok_char(c, q, ',') || sr_tok_char(c, q, ')'))
                break;
        }
        return SIZE_MAX;
    }
    if (!sr_tok_char(c, b, ','))
        return b;
    if (b <= lo + 1)
        return SIZE_MAX;
    size_t q = b - 1;
    const sr_entity *qe = sr_entity_at(c, q, NULL);
    if (qe && qe->e.kind == SITREP_ENTITY_PLACE)
        return SIZE_MAX; /* "near Kandahar, Afghanistan, killed": the place of the subject before */
    if (c->at[q].mention >= 0 || (sr_tok_word(c, q) && is_cap(c, q) && !(c->tok[q].flags & SITREP_TOKF_SENT_START)) ||
        (c->tok[q].kind == SITREP_TOK_NUMBER && q > lo && is_cap(c, q - 1)))
        return q; /* "the Norvale 40, plunged", "the company, Veltrona, will" */
    /* ", a junior," / ", the team's running back,": past the appositive to
     * the name before it */
    for (size_t p = q; p > lo && q - p < 8;) {
        p--;
        if (sr_tok_char(c, p, ',')) {
            if (p + 1 < b && sr_tok_class(c, p + 1, SR_LEX_FRAME_DETERMINER) && !sr_tok_fw(c, p + 1, SR_LEXE_FW_THAT) && p > lo &&
                (c->at[p - 1].mention >= 0 || is_cap(c, p - 1)))
                return p - 1;
            /* "the ship has, thus far, seized": an adverbial aside after an
             * auxiliary; the subject is before the auxiliary */
            if (p > lo + 1 && q - p <= 3 && !sr_tok_class(c, p + 1, SR_LEX_FRAME_DETERMINER) && !is_cap(c, p + 1) &&
                (sr_tok_class(c, p - 1, SR_LEX_CLAIMS_FINITE) || sr_tok_class(c, p - 1, SR_LEX_FRAME_BE))) {
                size_t r = p - 1;
                while (r > lo && (sr_tok_class(c, r, SR_LEX_CLAIMS_FINITE) || sr_tok_class(c, r, SR_LEX_FRAME_BE) ||
                                  sr_tok_class(c, r, SR_LEX_CLAIMS_SPEAKER_ADVERB)))
                    r--;
                return sr_tok_word(c, r) ? r : SIZE_MAX;
            }
            return SIZE_MAX;
        }
        if (!sr_tok_word(c, p) || verbish(c, p) || sr_tok_flag(c, p, SR_WI_SPEECH) || sr_tok_class(c, p, SR_LEX_FRAME_RELATIVE) ||
            c->at[p].figure >= 0)
            return SIZE_MAX;
    }
    return SIZE_MAX;
}

/* The subject of the finite verb that governs the figure in its clause,
 * when the other rules named no actor: an entity, a name the entities did
 * not take ("the Norvale 40 fell 2%", "Tomas Reyes caught 3 passes"), a
 * pronoun ("he ran for 22 yards", "it lost $2 billion"), "the company",
 * or a noun phrase of forces or attackers ("troops seized 40 rifles").
 * Not a passive verb's subject, not across a comma, relative or speech
 * verb; a claim with an outcome only by the verb of that outcome. */
static int32_t verb_subject(const cstate *st, size_t lo, const fig_info *fi, bool outcome, uint32_t *ws,
                            uint32_t *we)
{
    const sr_context *c = st->c;
    /* "..., up 2%", "after gaining 2%": what the sentence's subject did */
    if (fi->f0 > lo + 1 && ((sr_tok_fw(c, fi->f0 - 1, SR_LEXE_FW_UP) || sr_tok_fw(c, fi->f0 - 1, SR_LEXE_FW_DOWN)) &&
                            sr_tok_char(c, fi->f0 - 2, ',')))
        return sentence_subject(st, lo, fi->f0, ws, we);
    if (fi->f0 > lo + 1 && sr_tok_class(c, fi->f0 - 2, SR_LEX_FRAME_SPEAKER_STOP) && sr_tok_ing(c, fi->f0 - 1, 4))
        return sentence_subject(st, lo, fi->f0, ws, we);
    size_t v = SIZE_MAX;
    /* "set fire to 6 buses", "rounded up 20": a verb phrase of an outcome */
    for (size_t p = fi->f0 > lo + 4 ? fi->f0 - 4 : lo + 1; p < fi->f0 && v == SIZE_MAX; p++) {
        size_t n = 0;
        if (outcome_phrase(c, p, fi->f0, &n) && p + n == fi->f0 && !sr_clause_break(c, p))
            v = p;
    }
    for (size_t k = fi->f0; v == SIZE_MAX && k > lo && fi->f0 - k < 9;) {
        k--;
        /* "Veltrona reported losing $4.8 billion": a report verb whose
         * object is a gerund of the figure reports the subject's own act
         * (not "ACLED recorded 7,600 deaths": someone else's) */
        if (sr_tok_flag(c, k, SR_WI_SPEECH) && k > lo && c->at[k - 1].figure < 0 && k + 2 == fi->f0 &&
            sr_tok_ing(c, k + 1, 5)) {
            v = k;
            break;
        }
        if (sr_clause_break(c, k) || sr_tok_char(c, k, ',') || sr_tok_char(c, k, ';') || sr_tok_char(c, k, ':') ||
            sr_tok_char(c, k, '(') || sr_tok_char(c, k, ')') || is_quote_mark(c, k) ||
            sr_tok_class(c, k, SR_LEX_FRAME_RELATIVE) || sr_tok_fw(c, k, SR_LEXE_FW_THAT) || sr_tok_fw(c, k, SR_LEXE_FW_WHERE) ||
            sr_tok_fw(c, k, SR_LEXE_FW_WHEN) ||
            (sr_tok_flag(c, k, SR_WI_SPEECH) &&
             (sr_speech_verb(c, k) || sr_lex_value(c->wi[k].lex, SR_LEX_FRAME_SPEECH_USE, SR_LEXCOL_FRAME_SPEECH_USE_USE) !=
                                          SR_LEXE_FRAME_SPEECH_USE_USE_ADD)) ||
            c->at[k].mention >= 0 ||
            (c->at[k].figure >= 0 && !sr_tok_fw(c, k + 1, SR_LEXE_FW_OF)))
            return -1;
        if (governing_verb(c, lo, k) && k > lo && c->tok[k - 1].kind != SITREP_TOK_NUMBER && c->at[k - 1].figure < 0) {
            v = k;
            break;
        }
    }
    if (v == SIZE_MAX)
        return -1;
    size_t vn = 0;
    if (outcome && !outcome_of(c, v) && !outcome_phrase(c, v, fi->f0, &vn))
        return -1;
    /* past auxiliaries and adverbs ("has also lost", "will cut"); a
     * passive ("was fined", "were killed") leaves the subject no actor */
    size_t b = v;
    for (int hop = 0;; hop++) {
        b = v;
        while (b > lo && v - b < 3 &&
               (sr_tok_class(c, b - 1, SR_LEX_CLAIMS_SPEAKER_ADVERB) || sr_tok_class(c, b - 1, SR_LEX_FRAME_BE) ||
                sr_tok_class(c, b - 1, SR_LEX_CLAIMS_FINITE)))
            b--;
        if (b < v && passive(c, b, fi->f0))
            return -1;
        if (b <= lo)
            return -1;
        b--;
        /* "expects to cut 4,300 jobs", "is seeking to cut": the subject of
         * the verb the infinitive completes */
        if (hop < 3 && sr_tok_fw(c, b, SR_LEXE_FW_TO) && b > lo + 1 && sr_tok_word(c, b - 1) && !is_cap(c, b - 1) &&
            (verbish(c, b - 1) ||
             (sr_tok_ing(c, b - 1, 5) && sr_tok_class(c, b - 2, SR_LEX_FRAME_BE))) &&
            !sr_tok_flag(c, b - 1, SR_WI_SPEECH)) {
            v = b - 1;
            continue;
        }
        if (!(sr_tok_fw(c, b, SR_LEXE_FW_AND) || sr_tok_fw(c, b, SR_LEXE_FW_BUT) || sr_tok_fw(c, b, SR_LEXE_FW_OR)))
            break;
        /* a second verb of the subject ("killed or wounded 300", "clashed
         * with rebels and inflicted 3 casualties"): the subject of the
         * first verb, when no figure, comma or other clause comes between
         * (a figure before carries its own clause) */
        size_t v2 = SIZE_MAX;
        for (size_t k = b; hop < 2 && k > lo && b - k < 10;) {
            k--;
            if (sr_clause_break(c, k) || sr_tok_char(c, k, ',') || sr_tok_char(c, k, ';') || sr_tok_char(c, k, ':') ||
                sr_tok_char(c, k, '(') || sr_tok_char(c, k, ')') || is_quote_mark(c, k) ||
                sr_tok_class(c, k, SR_LEX_FRAME_RELATIVE) || sr_tok_fw(c, k, SR_LEXE_FW_THAT) ||
                sr_tok_flag(c, k, SR_WI_SPEECH) || c->at[k].figure >= 0 || sr_tok_fw(c, k, SR_LEXE_FW_AND) ||
                sr_tok_fw(c, k, SR_LEXE_FW_OR) || sr_tok_fw(c, k, SR_LEXE_FW_BUT))
                break;
            if (c->at[k].mention < 0 && governing_verb(c, lo, k) && k > lo && !sr_tok_class(c, k - 1, SR_LEX_FRAME_PREPOSITION) &&
                !sr_tok_class(c, k - 1, SR_LEX_FRAME_DETERMINER) && !sr_tok_fw(c, k - 1, SR_LEXE_FW_TO))
                v2 = k; /* the earliest verb of the run */
        }
        if (v2 == SIZE_MAX)
            return -1; /* the clause before carries it */
        v = v2;
    }
    bool antecedent = sr_tok_class(c, b, SR_LEX_FRAME_RELATIVE); /* "led by X, who caught": X whatever its case */
    b = subject_end(c, lo, b);
    if (b == SIZE_MAX)
        return -1;
    /* an entity right before the verb, not after a preposition other than
     * "of" ("guerrillas of the front killed") */
    int32_t e;
    const sr_entity *en = sr_entity_at(c, b, &e);
    if (en) {
        size_t first = sr_mention_first(c, b);
        size_t p = first;
        if (p > lo && sr_tok_class(c, p - 1, SR_LEX_FRAME_DETERMINER))
            p--;
        if (en->e.kind == SITREP_ENTITY_MEDIA || (en->e.kind == SITREP_ENTITY_PLACE && !sr_entity_is_country(en)))
            return -1;
        /* after "of" only as the group of fighters or members before it
         * ("guerrillas of the front killed"), not "the defeat of X" */
        if (antecedent)
            return en->e.kind == SITREP_ENTITY_PLACE ? -1 : e;
        if (p > lo + 1 && sr_tok_fw(c, p - 1, SR_LEXE_FW_OF))
            return agent_head(c, p - 2) ? e : -1;
        if (p > lo && (sr_tok_class(c, p - 1, SR_LEX_FRAME_PREPOSITION) || sr_tok_class(c, p - 1, SR_LEX_FRAME_LOCATIVE)))
            return -1;
        return e;
    }
    if (sr_tok_class(c, b, SR_LEX_FRAME_PRONOUN_PERSON) || sr_tok_fw(c, b, SR_LEXE_FW_IT) || sr_tok_fw(c, b, SR_LEXE_FW_THEY))
        return pronoun_actor(st, b, ws, we);
    /* "Norway's Norvale average", "the Norvale 40 index", "Halvorsen Air shares":
     * the name before up to two nouns of what it owns */
    size_t h = b;
    while (h > lo && b - h < 2 && sr_tok_class(c, h, SR_LEX_CLAIMS_NAME_HEAD) && !is_cap(c, h))
        h--;
    if (h < b && ((c->wi[h].flags & (SR_WI_POSS2 | SR_WI_POSS4)) || sr_tok_class(c, h, SR_LEX_FRAME_POSSESSIVE_PRONOUN) ||
                  (sr_tok_fw(c, h, SR_LEXE_FW_S) && h > lo + 1 && (sr_tok_char(c, h - 1, '\'') || c->src[c->tok[h - 1].start] == '\xE2'))))
        return owner_of(st, lo, h, ws, we); /* "the company's revenue fell", "its shares fell" */
    size_t first;
    if (name_run(c, lo, h, &first)) {
        if (!antecedent && first > lo && !sr_tok_fw(c, first - 1, SR_LEXE_FW_OF) && !sr_tok_class(c, first - 1, SR_LEX_FRAME_DETERMINER) &&
            !(c->wi[first - 1].flags & (SR_WI_POSS2 | SR_WI_POSS4)) && !sr_tok_char(c, first - 1, ',') &&
            !sr_tok_fw(c, first - 1, SR_LEXE_FW_WITH) && !sr_tok_fw(c, first - 1, SR_LEXE_FW_AND) && !sr_tok_fw(c, first - 1, SR_LEXE_FW_WHILE) &&
            !sr_tok_fw(c, first - 1, SR_LEXE_FW_AS) && !sr_tok_char(c, first - 1, '"') &&
            (sr_tok_class(c, first - 1, SR_LEX_FRAME_PREPOSITION) || sr_tok_class(c, first - 1, SR_LEX_FRAME_LOCATIVE)))
            return -1; /* "in Northern Vale sales fell" */
        *ws = c->tok[first].start;
        *we = c->tok[h].start + (uint32_t)sr_wi_len(&c->tok[h], &c->wi[h]);
        return -1;
    }
    /* a noun phrase of forces, attackers or an organisation */
    if (!agent_head(c, b)) {
        /* only a verb that takes the figure as its object: "the plane
         * destroyed 12 houses", "a total of 90", not "will grow between
         * the two regions", "damage estimated at $4 million" */
        if (!governs(c, v, fi->f0) || sr_tok_class(c, v, SR_LEX_FRAME_AMOUNT_PARTICIPLE))
            return -1;
        for (size_t q = v + 1; q < fi->f0; q++)
            if (!sr_tok_class(c, q, SR_LEX_FRAME_DETERMINER) && !sr_tok_class(c, q, SR_LEX_FRAME_TALLY_NOUN) &&
                !sr_tok_fw(c, q, SR_LEXE_FW_OF) && !sr_tok_fw(c, q, SR_LEXE_FW_BY) && !sr_tok_fw(c, q, SR_LEXE_FW_ANOTHER) &&
                !sr_tok_fw(c, q, SR_LEXE_FW_FURTHER) && !sr_tok_fw(c, q, SR_LEXE_FW_UP) && !sr_tok_fw(c, q, SR_LEXE_FW_DOWN) &&
                !sr_tok_class(c, q, SR_LEX_CLAIMS_SPEAKER_ADVERB))
                return -1;
        return common_subject(c, lo, b, ws, we);
    }
    /* "the company lost $2 billion": the business named last, by an
     * organisation the entities took or by a name they did not */
    if (named_back_noun(c, lo, b))
        return business_back(st, b, ws, we);
    int32_t back = np_named_back(st, lo, b);
    if (back >= 0)
        return back;
    if (b > lo && sr_tok_fw(c, b - 1, SR_LEXE_FW_THE) && sr_tok_class(c, b, SR_LEX_CLAIMS_AGENT_NOUN) && named_recent(st, b)) {
        *ws = st->named_start; /* "Halvorsen Air has ... The airline plans" */
        *we = st->named_end;
        return -1;
    }
    /* "the airline" that stands for no organisation named before names
     * nobody; "troops", "the army", "gunmen" name who did it */
    if (b > lo && sr_tok_fw(c, b - 1, SR_LEXE_FW_THE) && !sr_tok_class(c, b, SR_LEX_EVENTS_FORCE_NOUN) &&
        !sr_tok_class(c, b, SR_LEX_EVENTS_ATTACKER) && !sr_tok_class(c, b, SR_LEX_CLAIMS_ANAPHOR_HEAD))
        return -1;
    size_t s0 = b;
    while (s0 > lo && b - s0 < 2 && sr_tok_word(c, s0 - 1) && alpha_word(c, s0 - 1) &&
           !(s0 > lo + 1 && sr_tok_char(c, s0 - 2, '-')) && !sr_tok_class(c, s0 - 1, SR_LEX_FRAME_DETERMINER) &&
           !sr_tok_class(c, s0 - 1, SR_LEX_FRAME_PREPOSITION) && !sr_tok_class(c, s0 - 1, SR_LEX_FRAME_SPEAKER_STOP) &&
           !sr_tok_class(c, s0 - 1, SR_LEX_FRAME_BE) && !sr_tok_fw(c, s0 - 1, SR_LEXE_FW_AND) && !sr_tok_fw(c, s0 - 1, SR_LEXE_FW_OR) &&
           !sr_tok_class(c, s0 - 1, SR_LEX_FRAME_RELATIVE) && !sr_tok_fw(c, s0 - 1, SR_LEXE_FW_THAT) &&
           !sr_clause_break(c, s0 - 1) && !sr_tok_class(c, s0 - 1, SR_LEX_FRAME_PLACE_RELATIVE) &&
           !sr_tok_class(c, s0 - 1, SR_LEX_FRAME_PRONOUN_PERSON) && !sr_tok_fw(c, s0 - 1, SR_LEXE_FW_OUR) &&
           c->at[s0 - 1].mention < 0 && c->at[s0 - 1].time < 0 && !verbish(c, s0 - 1))
        s0--;
    if (s0 > lo && sr_tok_class(c, s0 - 1, SR_LEX_FRAME_PREPOSITION) && !sr_tok_fw(c, s0 - 1, SR_LEXE_FW_OF))
        return -1;
    if (sr_tok_class(c, s0, SR_LEX_FRAME_POSSESSIVE_PRONOUN)) {
        /* "its troops killed": whose troops */
        int32_t who = pronoun_actor(st, s0, ws, we);
        if (who >= 0 || *we > *ws)
            return who;
        s0++;
    }
    *ws = c->tok[s0].start;
    *we = c->tok[b].end;
    return -1;
}

/* "Halvorsen Air ($310 million)", "the Falcons (four years, $52
 * million)": a figure in brackets right after a name is the name's. */
static int32_t paren_owner(const cstate *st, size_t lo, const fig_info *fi, uint32_t *ws, uint32_t *we)
{
    const sr_context *c = st->c;
    size_t k = fi->f0;
    for (size_t q = k; q > lo && k - q < 7;) {
        q--;
        if (sr_tok_char(c, q, ')') || sr_tok_char(c, q, ';') || sr_clause_break(c, q) || sr_tok_flag(c, q, SR_WI_SPEECH))
            break;
        if (!sr_tok_char(c, q, '(') || q <= lo)
            continue;
        int32_t e;
        const sr_entity *en = sr_entity_at(c, q - 1, &e);
        if (en)
            return en->e.kind == SITREP_ENTITY_MEDIA || en->e.kind == SITREP_ENTITY_PLACE ? -1 : e;
        size_t first;
        if (name_run(c, lo, q - 1, &first)) {
            *ws = c->tok[first].start;
            *we = c->tok[q - 1].end;
        }
        return -1;
    }
    return -1;
}

/* The owner of a figure: "his 2 touchdowns", "the company's 4,100
 * dealers", "the quarterback's 287 yards", "Veltrona's staff of 9,000",
 * "the team's revenue of $18 million".  -1 (and no words) when none. */
static int32_t owner_actor(const cstate *st, size_t lo, const fig_info *fi, uint32_t *ws, uint32_t *we)
{
    const sr_context *c = st->c;
    size_t k = fi->f0;
    /* "two of his brothers", "three of Veltrona's plants": the owner
     * between "of" and the counted noun */
    if (fi->m1 > fi->m0 && fi->m0 >= fi->f1 + 1 && fi->m1 - fi->f1 <= 7 && sr_tok_fw(c, fi->f1, SR_LEXE_FW_OF)) {
        for (size_t q = fi->m1 - 1; q > fi->f1 + 1;) {
            q--;
            if (sr_tok_class(c, q, SR_LEX_FRAME_POSSESSIVE_PRONOUN) || (c->wi[q].flags & (SR_WI_POSS2 | SR_WI_POSS4)) ||
                (sr_tok_fw(c, q, SR_LEXE_FW_S) && (sr_tok_char(c, q - 1, '\'') || c->src[c->tok[q - 1].start] == '\xE2')))
                return owner_of(st, lo, q, ws, we);
        }
    }
    /* "X's workforce of 54,000": past "of" and its noun */
    if (k > lo + 2 && sr_tok_fw(c, k - 1, SR_LEXE_FW_OF) && sr_tok_word(c, k - 2) && !is_cap(c, k - 2))
        k -= 2;
    else if (k > lo && sr_tok_word(c, k - 1) && !is_cap(c, k - 1) && sr_tok_class(c, k - 1, SR_LEX_FRAME_DETERMINER) == false &&
             k > lo + 1 && ((c->wi[k - 2].flags & (SR_WI_POSS2 | SR_WI_POSS4)) || sr_tok_class(c, k - 2, SR_LEX_FRAME_POSSESSIVE_PRONOUN)))
        k -= 1; /* "its record 52 aircraft" */
    if (k <= lo)
        return -1;
    return owner_of(st, lo, k - 1, ws, we);
}

/* Who a possessive ending at token o names: "his", "its", "X's", "the
 * company's", "the Falcons'"; -1 (and no words) when none. */
static int32_t owner_of(const cstate *st, size_t lo, size_t o, uint32_t *ws, uint32_t *we)
{
    const sr_context *c = st->c;
    if (sr_tok_class(c, o, SR_LEX_FRAME_POSSESSIVE_PRONOUN))
        return pronoun_actor(st, o, ws, we);
    /* "X's" as one token, or "X ' s" */
    if (sr_tok_fw(c, o, SR_LEXE_FW_S) && o > lo + 1 && (sr_tok_char(c, o - 1, '\'') || c->src[c->tok[o - 1].start] == '\xE2'))
        o -= 2;
    else if (!(c->wi[o].flags & (SR_WI_POSS2 | SR_WI_POSS4)) && !(sr_tok_char(c, o, '\'') && o > lo &&
                                                                  c->src[c->tok[o].start - 1] == 's'))
        return -1;
    else if (sr_tok_char(c, o, '\''))
        o--; /* "the Falcons' bid" */
    int32_t e;
    const sr_entity *en = sr_entity_at(c, o, &e);
    if (en) /* "Lebanon's 18 sects": a place owns nothing it did */
        return en->e.kind == SITREP_ENTITY_MEDIA || en->e.kind == SITREP_ENTITY_PLACE ? -1 : e;
    int32_t back = np_named_back(st, lo, o);
    if (back >= 0)
        return back;
    if (o > lo && sr_tok_fw(c, o - 1, SR_LEXE_FW_THE) && (sr_tok_class(c, o, SR_LEX_CLAIMS_AGENT_NOUN) ||
                                               sr_tok_class(c, o, SR_LEX_CLAIMS_ORG_NOUN)) && named_recent(st, o)) {
        *ws = st->named_start;
        *we = st->named_end;
        return -1;
    }
    size_t first;
    if (name_run(c, lo, o, &first)) {
        *ws = c->tok[first].start;
        *we = c->tok[o].start + (uint32_t)sr_wi_len(&c->tok[o], &c->wi[o]);
    }
    return -1;
}

/* ---- merging ---- */

static bool same_date(const sr_date *a, const sr_date *b)
{
    return a->year == b->year && a->month == b->month && a->day == b->day;
}

/* Same places, or places of the same countries ("southern Somalia" and
 * "near Kismayo" in a lead and its body). */
static bool places_compatible(const sr_context *c, const sr_claim *a, const sr_claim *b)
{
    if (!a->nplaces || !b->nplaces)
        return true;
    for (size_t i = 0; i < a->nplaces; i++) {
        const char *ca = c->ent[a->places[i]].e.country;
        bool found = false;
        for (size_t j = 0; j < b->nplaces; j++) {
            const char *cb = c->ent[b->places[j]].e.country;
            found |= a->places[i] == b->places[j] || (ca && cb && strcmp(ca, cb) == 0);
        }
        if (!found)
            return false;
    }
    return true;
}

static bool mergeable(const sr_context *c, const sr_claim *a, const sr_claim *b)
{
    if (strcmp(a->measure, b->measure) != 0 || a->low != b->low || a->high != b->high ||
        a->qualifier != b->qualifier)
        return false;
    if (a->from.year && b->from.year && !(same_date(&a->from, &b->from) && same_date(&a->to, &b->to)))
        return false;
    if (a->actor >= 0 && b->actor >= 0 && a->actor != b->actor)
        return false;
    return places_compatible(c, a, b);
}

static void merge_into(sr_claim *a, const sr_claim *b)
{
    if (a->nspans < SR_CLAIM_SPANS) {
        a->figure[a->nspans] = b->figure[0];
        a->span_start[a->nspans] = b->span_start[0];
        a->span_end[a->nspans] = b->span_end[0];
        a->nspans++;
    }
    if (!a->from.year && b->from.year) {
        a->from = b->from;
        a->to = b->to;
    }
    if (a->actor < 0 && a->actor_end == a->actor_start) {
        a->actor = b->actor;
        a->actor_start = b->actor_start;
        a->actor_end = b->actor_end;
    }
    if (!a->said.year)
        a->said = b->said;
    if (a->source < 0 && a->source_end == a->source_start) {
        a->source = b->source;
        a->source_start = b->source_start;
        a->source_end = b->source_end;
    }
    if (!a->nplaces) {
        a->nplaces = b->nplaces;
        memcpy(a->places, b->places, sizeof a->places);
    }
}

/* ---- the pass ---- */

sitrep_status sr_find_claims(const sr_context *c, const sr_date *anchor, sr_buf *out, sr_buf *fig_claim)
{
    cstate st;
    memset(&st, 0, sizeof st);
    st.c = c;
    st.anchor = *anchor;
    st.dominant = sr_dominant_group(c);
    size_t first_claim = SR_VEC_COUNT(out, sr_claim);
    for (size_t f = 0; f < c->nfigs; f++) {
        int32_t none = -1;
        if (!SR_VEC_PUSH(fig_claim, int32_t, none))
            return SITREP_ENOMEM;
    }
    int32_t *fc = (int32_t *)(void *)fig_claim->data;
    size_t f = 0;
    for (size_t s = 0; s < c->nsen; s++) {
        size_t lo = sr_sent_first(c, s), hi = sr_sent_end(c, s);
        if (f < c->nfigs && c->figs[f].start >= (hi ? c->tok[hi - 1].end : 0)) {
            /* no figure here: only the speakers matter */
            find_speakers(&st, s);
            continue;
        }
        find_speakers(&st, s);
        st.sent = s;
        bool future = sentence_future(c, s);
        sr_date said = said_date(c, lo, hi);
        /* the previous figure of this sentence, for coordination */
        char prev_noun[48] = "";
        const char *prev_outc = NULL;
        int32_t prev_actor = -1;
        bool prev_in_measure = false;
        uint32_t prev_as = 0, prev_ae = 0;
        size_t prev_end = 0;
        bool prev_object = false;
        sr_date prev_from = {0}, prev_to = {0};
        for (; f < c->nfigs && c->figs[f].start < (hi ? c->tok[hi - 1].end : 0); f++) {
            const sr_figure *fg = &c->figs[f];
            if (fg->start < c->tok[lo].start)
                continue;
            if (!unit_is_count_like(fg->unit) || strcmp(fg->unit, "fraction") == 0)
                continue;
            fig_info fi;
            fig_tokens(c, fg, &fi);
            sr_claim cl;
            memset(&cl, 0, sizeof cl);
            cl.low = fg->low;
            cl.high = fg->high;
            cl.qualifier = fg->qualifier;
            cl.actor = -1;
            cl.source = -1;
            cl.future = future;
            char noun[48];
            const char *outc = NULL;
            measure_noun(c, &fi, noun, sizeof noun, &outc, &cl.actor);
            /* "$9.99 US dollars", "500 Hong Kong dollars": the country of
             * a currency's name owns nothing */
            if (cl.actor >= 0 && strlen(fg->unit) == 3 && fi.m1 > fi.m0 && c->at[fi.m1 - 1].mention < 0 &&
                sr_entity_is_country(&c->ent[cl.actor]))
                cl.actor = -1;
            bool in_measure = cl.actor >= 0; /* "10 AK-47 rifles": no subject */
            bool toll;
            const char *around = outcome_around(c, &fi, lo, hi, &toll);
            /* "6 rifles, 12 magazines and 300 rounds were seized": an item
             * of a list takes the outcome after its last item */
            bool object = fi.f0 > lo && (governing_verb(c, lo, fi.f0 - 1) || sr_tok_class(c, fi.f0 - 1, SR_LEX_CLAIMS_FINITE));
            /* an item of a list of objects is an object too */
            if (!object && prev_object && prev_end && fi.f0 > prev_end && fi.f0 - prev_end <= 2 &&
                (sr_tok_char(c, fi.f0 - 1, ',') || sr_tok_fw(c, fi.f0 - 1, SR_LEXE_FW_AND)))
                object = true;
            prev_object = object;
            for (size_t g = f, hops = 0; !around && !object && hops < 8; hops++) {
                fig_info gi;
                fig_tokens(c, &c->figs[g], &gi);
                size_t q = gi.m1 > gi.f1 ? gi.m1 : gi.f1;
                if (!(sr_tok_char(c, q, ',') || sr_tok_fw(c, q, SR_LEXE_FW_AND)))
                    break;
                if (sr_tok_char(c, q, ',') && sr_tok_fw(c, q + 1, SR_LEXE_FW_AND))
                    q++;
                if (q + 1 >= hi || c->at[q + 1].figure < 0 || (size_t)c->at[q + 1].figure != g + 1 || g + 1 >= c->nfigs)
                    break;
                g++;
                fig_tokens(c, &c->figs[g], &gi);
                if (gi.m1 <= gi.m0)
                    break; /* ", and 12 were": a clause of its own */
                bool last_toll;
                around = outcome_around(c, &gi, gi.f0, hi, &last_toll);
            }
            if (!outc)
                outc = around;
            if (toll && noun[0] == '\0')
                put_words(noun, sizeof noun, "people", NULL); /* a death toll counts people */
            /* "killed 8 policemen, 3 soldiers and 2 civilians", "35 people,
             * including 11 children": a listed figure shares the verb */
            bool listed = prev_outc && fi.f0 >= prev_end && fi.f0 - prev_end <= 2 && fi.f0 > lo &&
                          (sr_tok_char(c, fi.f0 - 1, ',') || sr_tok_fw(c, fi.f0 - 1, SR_LEXE_FW_AND) ||
                           sr_tok_fw(c, fi.f0 - 1, SR_LEXE_FW_INCLUDING));
            /* "seized 37 rifles, a cannon, 2 machine guns and 3 launchers":
             * an item of a list after a verb shares it, past the items
             * without a figure, while no other verb comes between */
            if (!outc && !listed && prev_outc && fi.f0 > lo && fi.f0 >= prev_end && fi.f0 - prev_end <= 12 &&
                (sr_tok_char(c, fi.f0 - 1, ',') || sr_tok_fw(c, fi.f0 - 1, SR_LEXE_FW_AND))) {
                bool plain = true;
                for (size_t q = prev_end; q < fi.f0 && plain; q++)
                    plain = !sr_clause_break(c, q) && !sr_tok_flag(c, q, SR_WI_SPEECH) && !outcome_of(c, q) &&
                            !sr_tok_class(c, q, SR_LEX_CLAIMS_FINITE) && !sr_tok_class(c, q, SR_LEX_FRAME_RELATIVE) &&
                            !sr_tok_fw(c, q, SR_LEXE_FW_THAT) && !sr_tok_char(c, q, ':') && !sr_tok_char(c, q, '(') &&
                            (sr_tok_word(c, q) || sr_tok_char(c, q, ',') || sr_tok_char(c, q, '-'));
                listed = plain;
            }
            if (!outc && listed)
                outc = prev_outc;
            bool others = fi.m1 > fi.m0 && sr_tok_fw(c, fi.m1 - 1, SR_LEXE_FW_OTHERS);
            /* "killed 12 soldiers and wounded 30", "900 in Syria and 2,500 in
             * Iraq"; not "below the ten thousand mark" */
            bool after_det = fi.f0 > lo && (sr_tok_class(c, fi.f0 - 1, SR_LEX_FRAME_DETERMINER) ||
                                            (c->wi[fi.f0 - 1].flags & (SR_WI_POSS2 | SR_WI_POSS4)) ||
                                            (fi.f0 > lo + 1 && sr_tok_fw(c, fi.f0 - 1, SR_LEXE_FW_S) &&
                                             (sr_tok_char(c, fi.f0 - 2, '\'') || c->src[c->tok[fi.f0 - 2].start] == '\xE2')));
            bool coordinated = prev_noun[0] && fi.f0 >= prev_end && fi.f0 - prev_end < 16 && !after_det;
            if (after_det && fi.m1 == fi.m0 && !fg->unit[0] && !outc)
                continue; /* "making the 787 worth ...": a name, no count */
            /* "a mother of 12": a number owned by a noun counts no noun
             * of the figure before it */
            bool owned = fi.m1 == fi.m0 && fi.f0 > lo + 1 && sr_tok_fw(c, fi.f0 - 1, SR_LEXE_FW_OF) &&
                         sr_tok_word(c, fi.f0 - 2) && c->at[fi.f0 - 2].figure < 0 &&
                         !sr_tok_class(c, fi.f0 - 2, SR_LEX_FRAME_TALLY_NOUN) &&
                         !outcome_noun(c, fi.f0 - 2) && !sr_tok_class(c, fi.f0 - 2, SR_LEX_CLAIMS_TOLL) &&
                         !sr_tok_class(c, fi.f0 - 2, SR_LEX_CLAIMS_QUANTITY_NOUN);
            if ((noun[0] == '\0' || others) && coordinated && !fg->unit[0] && !owned) {
                memcpy(noun, prev_noun, sizeof noun);
                if (cl.actor < 0)
                    cl.actor = prev_actor;
            }
            if (fg->unit[0])
                put_words(cl.measure, sizeof cl.measure, fg->unit, NULL);
            else if (noun[0] && outc && !strstr(noun, outc))
            {
                char head[31];
                sr_utf8_copy(head, sizeof head, noun, strlen(noun));
                put_words(cl.measure, sizeof cl.measure, head, outc);
            }
            else if (noun[0])
                put_words(cl.measure, sizeof cl.measure, noun, NULL);
            else if (outc)
                put_words(cl.measure, sizeof cl.measure, outc, NULL);
            else
                continue; /* a bare number counts nothing we can name */
            if (sr_speech_verb(c, fi.m1 > fi.f1 ? fi.m1 : fi.f1))
                continue; /* "two officials said": who speaks, not what is counted */
            if (cl.low == 1 && cl.high == 1 && !outc && !fg->unit[0])
                continue; /* "in one operation" */
            /* "11 people, including two children, and injured more than
             * 40": a part named after its whole is not what follows counts */
            bool subset = sr_part_of_whole(c, lo, fi.f0);
            if (noun[0] && !subset) {
                memcpy(prev_noun, noun, sizeof prev_noun);
            }
            size_t before_end = prev_end; /* the figure before this one ends there */
            prev_end = fi.m1 > fi.f1 ? fi.m1 : fi.f1;
            prev_outc = outc;
            size_t fwd_from = fi.m1 > fi.f1 && fi.m0 >= fi.f1 ? fi.m1 : fi.f1;
            size_t fwd_end = sr_clause_end(c, fwd_from, hi, true);
            size_t back_lo = sr_clause_start(c, fi.f0, lo);
            /* "X, who was born in 1950 in Lima and who leaves 3 daughters":
             * a second relative clause starts the figure's own */
            for (size_t q = fi.f0; q > back_lo + 1 && fi.f0 - q < 12;) {
                q--;
                if (sr_tok_class(c, q, SR_LEX_FRAME_RELATIVE) && sr_tok_fw(c, q - 1, SR_LEXE_FW_AND)) {
                    back_lo = q;
                    break;
                }
                if (c->at[q].figure >= 0 && q < fi.f0 && c->tok[q].end <= c->tok[fi.f0].start)
                    break;
            }
            if (cl.actor < 0)
                cl.actor = actor_after(&st, &fi, hi, &cl.actor_start, &cl.actor_end);
            if (cl.actor < 0 && cl.actor_end == cl.actor_start)
                cl.actor = subject_actor(&st, back_lo, fi.f0, outc != NULL, tenure_figure(c, &fi), &cl.actor_start,
                                         &cl.actor_end);
            if (cl.actor < 0 && cl.actor_end == cl.actor_start)
                cl.actor = paren_owner(&st, lo, &fi, &cl.actor_start, &cl.actor_end);
            /* "Veltrona plans to cut 3,000 jobs and close 9 plants": a clause
             * that opens at the figure before shares its subject */
            if (cl.actor < 0 && cl.actor_end == cl.actor_start && back_lo > lo &&
                c->at[back_lo - 1].figure >= 0 && (prev_actor >= 0 || prev_ae > prev_as)) {
                bool joined = false, other = prev_in_measure;
                for (size_t q = back_lo; q < fi.f0; q++) {
                    joined |= sr_tok_fw(c, q, SR_LEXE_FW_AND) || sr_tok_char(c, q, ',');
                    /* "14 points and Okafor scored 13", "Okafor 14, Adeyemi 13":
                     * another subject; "which" opens another clause */
                    const sr_entity *oe = sr_entity_at(c, q, NULL);
                    other |= sr_tok_class(c, q, SR_LEX_FRAME_RELATIVE) ||
                             (oe && oe->e.kind == SITREP_ENTITY_PERSON) ||
                             ((c->at[q].mention >= 0 || (name_word(c, q) && !(c->tok[q].flags & SITREP_TOKF_ALLCAPS))) &&
                              verb_after_subject(c, q, fi.f0) != SIZE_MAX);
                }
                joined = joined && !other;
                if (joined) {
                    cl.actor = prev_actor;
                    cl.actor_start = prev_as;
                    cl.actor_end = prev_ae;
                }
            }
            /* "dropped 80 points (1.9%)", "lost 80 points, or 1.9 percent":
             * the same quantity told again shares the actor */
            if (cl.actor < 0 && cl.actor_end == cl.actor_start && before_end && fi.f0 > before_end &&
                fi.f0 - before_end <= 2 && (prev_actor >= 0 || prev_ae > prev_as)) {
                bool again = true;
                for (size_t q = before_end; q < fi.f0 && again; q++)
                    again = sr_tok_char(c, q, '(') || sr_tok_char(c, q, ',') || sr_tok_fw(c, q, SR_LEXE_FW_OR);
                if (again && (sr_tok_char(c, fi.f0 - 1, '(') || sr_tok_fw(c, fi.f0 - 1, SR_LEXE_FW_OR))) {
                    cl.actor = prev_actor;
                    cl.actor_start = prev_as;
                    cl.actor_end = prev_ae;
                }
            }
            if (cl.actor < 0 && cl.actor_end == cl.actor_start)
                cl.actor = owner_actor(&st, lo, &fi, &cl.actor_start, &cl.actor_end);
            if (cl.actor < 0 && cl.actor_end == cl.actor_start)
                cl.actor = verb_subject(&st, lo, &fi, outc != NULL, &cl.actor_start, &cl.actor_end);
            /* "completed 19 of 27 passes for 240 yards", "dropped 80 points to
             * 4,120", "took 9 orders from 3 buyers": a figure
             * further on in the clause of the figure before, no verb or
             * name between, shares its actor */
            if (cl.actor < 0 && cl.actor_end == cl.actor_start && before_end && fi.f0 > before_end &&
                fi.f0 - before_end <= 5 && (prev_actor >= 0 || prev_ae > prev_as)) {
                bool plain = true;
                for (size_t q = before_end; q < fi.f0 && plain; q++)
                    plain = sr_tok_char(c, q, ')') || /* "down 2% (80 points) to 4,120" */
                            (sr_tok_word(c, q) && !is_cap(c, q) && !governing_verb(c, lo, q) && !sr_clause_break(c, q) &&
                            !sr_tok_flag(c, q, SR_WI_SPEECH) && !sr_tok_class(c, q, SR_LEX_FRAME_RELATIVE) &&
                            !sr_tok_fw(c, q, SR_LEXE_FW_THAT) && !sr_tok_fw(c, q, SR_LEXE_FW_AND) && !sr_tok_fw(c, q, SR_LEXE_FW_BUT) &&
                            c->at[q].mention < 0 && c->at[q].time < 0);
                if (plain) {
                    cl.actor = prev_actor;
                    cl.actor_start = prev_as;
                    cl.actor_end = prev_ae;
                }
            }
            if (cl.actor < 0 && cl.actor_end > cl.actor_start && span_is_name(c, cl.actor_start)) {
                st.named_start = cl.actor_start;
                st.named_end = cl.actor_end;
                st.named_sent = s;
            }
            if (!subset) {
                prev_in_measure = in_measure;
                prev_actor = cl.actor;
                prev_as = cl.actor_start;
                prev_ae = cl.actor_end;
            }
            places_in(c, fwd_from, fwd_end, lo, &cl);
            if (!cl.nplaces)
                places_in(c, back_lo, fi.f0, lo, &cl);
            if (!cl.nplaces) /* "killed 12, injured 8 and abducted 30 in a raid near Kaduna" */
                places_in(c, fwd_from, sr_clause_end(c, fwd_from, hi, false), lo, &cl);
            drop_locating_countries(c, &cl);
            cl.said = said;
            period_of(c, &st, s, &fi, sr_clause_end(c, fwd_from, hi, false), back_lo, &cl);
            /* "By 17:30, the index had fallen 6% to 906 points", "on Monday
             * killed 12 soldiers and wounded 30": a figure of the same
             * clause as the one before, with no time of its own, shares
             * its time */
            if (!cl.from.year && prev_from.year && before_end && fi.f0 > before_end && fi.f0 - before_end <= 8) {
                bool same = true;
                for (size_t q = before_end; q < fi.f0 && same; q++)
                    same = !sr_clause_break(c, q) && !sr_tok_class(c, q, SR_LEX_FRAME_SUBORDINATOR) &&
                           !sr_tok_class(c, q, SR_LEX_FRAME_RELATIVE) && !sr_tok_fw(c, q, SR_LEXE_FW_THAT) &&
                           !sr_tok_flag(c, q, SR_WI_SPEECH) && !sr_tok_char(c, q, ':') &&
                           !(sr_tok_char(c, q, '(') && q != before_end) && c->at[q].time < 0;
                if (same) {
                    cl.from = prev_from;
                    cl.to = prev_to;
                }
            }
            /* "Gunmen raided a bus depot in Aldmoor on Monday. Nine guards
             * were killed.": a toll told with no place or day of its own
             * happened where and when the happening told just before it
             * (in the nearest of the two sentences before that tells one;
             * not a statement's own date; no date when its own sentence
             * has a time, even a duration) */
            if (outc && s > 0 && (!cl.nplaces || !cl.from.year)) {
                bool want_place = !cl.nplaces, want_date = !cl.from.year;
                for (size_t q = lo; q < hi && want_date; q++)
                    want_date = c->at[q].time < 0; /* "during 10 years of war": a time of its own */
                for (size_t ps = s; ps > 0 && s - ps < 2 && (want_place || want_date);) {
                    ps--;
                    size_t plo = sr_sent_first(c, ps), phi = sr_sent_end(c, ps);
                    /* only a sentence that tells a happening ("raided",
                     * "an ambush"), not "the general toured the front" */
                    bool told = false;
                    for (size_t q = plo; q < phi && !told; q++)
                        told = sr_tok_class(c, q, SR_LEX_EVENTS_TRIGGERS) || sr_lex_heads(c->wi[q].lex, SR_LEX_EVENTS_TRIGGERS);
                    if (!told)
                        continue;
                    if (want_place) {
                        places_in(c, plo, phi, plo, &cl);
                        drop_locating_countries(c, &cl);
                        want_place = !cl.nplaces;
                    }
                    if (want_date) {
                        /* the date nearest a word of the happening:
                         * "on Tuesday, looking for those missing since
                         * Monday's blast" is Monday; "48 airstrikes in the
                         * first half of 2025, more than the previous
                         * year" the first half */
                        size_t t0, t1, bestd = SIZE_MAX;
                        int32_t t, last = -1;
                        for (size_t from = plo; (t = sr_next_dated(c, from, phi, true, &t0, &t1)) >= 0; from = t1) {
                            while (t1 < phi && c->at[t1].time == t)
                                t1++;
                            if (sr_statement_date(c, t0, t1, plo, phi))
                                continue;
                            for (size_t q = plo; q < phi; q++) {
                                if (!(sr_tok_class(c, q, SR_LEX_EVENTS_TRIGGERS) || sr_lex_heads(c->wi[q].lex, SR_LEX_EVENTS_TRIGGERS)))
                                    continue;
                                size_t d = q < t0 ? t0 - q : q >= t1 ? q - t1 + 1 : 0;
                                if (d < bestd) {
                                    bestd = d;
                                    last = t;
                                }
                            }
                        }
                        if (last >= 0) {
                            cl.from = c->times[last].from;
                            cl.to = c->times[last].to;
                            if (!cl.future && st.anchor.year && st.anchor.month && st.anchor.day &&
                                sr_date_cmp(&cl.from, &st.anchor) <= 0 && sr_date_cmp(&st.anchor, &cl.to) < 0)
                                cl.to = st.anchor;
                            want_date = false;
                        }
                    }
                    break; /* the nearest happening only */
                }
            }
            if (!subset) {
                prev_from = cl.from;
                prev_to = cl.to;
            }
            /* the source nearest the figure; not a speaker of a later clause
             * who says something else ("the agency feeds 80,000 people every
             * week, but Ms Ortega warned that ...") */
            size_t bestd = (size_t)-1;
            for (size_t k = 0; k < st.nsp; k++) {
                size_t at = st.sp[k].at;
                if (at > fi.f1 && (sr_tok_fw(c, at + 1, SR_LEXE_FW_THAT) || is_quote_mark(c, at + 1))) {
                    bool broken = false;
                    for (size_t q = fi.f1; q < at && !broken; q++)
                        broken = sr_clause_break(c, q);
                    if (broken)
                        continue;
                }
                /* "X reported a 39% loss, whilst Y's sales fell 41%": a
                 * report of a noun phrase does not reach past a clause break */
                if (at < fi.f0 && sr_tok_class(c, at + 1, SR_LEX_FRAME_DETERMINER) && !sr_tok_fw(c, at + 1, SR_LEXE_FW_THAT)) {
                    bool broken = false;
                    for (size_t q = at + 1; q < fi.f0 && !broken; q++)
                        broken = sr_clause_break(c, q);
                    if (broken)
                        continue;
                }
                size_t d = at >= fi.f0 ? at - fi.f0 : fi.f0 - at;
                if (d < bestd) {
                    bestd = d;
                    cl.source = st.sp[k].ent;
                    cl.source_start = st.sp[k].start;
                    cl.source_end = st.sp[k].end;
                }
            }
            cl.nspans = 1;
            cl.figure[0] = (uint32_t)f;
            cl.span_start[0] = c->sen[s].span.start;
            cl.span_end[0] = c->sen[s].span.end;
            /* one claim per fact: merge with an earlier statement of it */
            size_t n = SR_VEC_COUNT(out, sr_claim);
            sr_claim *all = (sr_claim *)(void *)out->data;
            bool merged = false;
            /* bounded: a repeated fact is restated within a few hundred claims */
            for (size_t k = n > first_claim + 256 ? n - 256 : first_claim; k < n; k++)
                if (mergeable(c, &all[k], &cl)) {
                    merge_into(&all[k], &cl);
                    fc[f] = (int32_t)k;
                    merged = true;
                    break;
                }
            if (!merged) {
                if (!SR_VEC_PUSH(out, sr_claim, cl))
                    return SITREP_ENOMEM;
                fc = (int32_t *)(void *)fig_claim->data;
                fc[f] = (int32_t)n;
            }
        }
    }
    return SITREP_OK;
}

/* ---- the words of a source that is no entity ---- */

/* Runs of white space (a line break inside "fire department\nsources")
 * become one space, in place. */
static void one_line(char *t)
{
    char *o = t;
    bool space = false;
    for (const char *p = t; *p; p++) {
        if (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t') {
            space = true;
            continue;
        }
        if (space && o > t)
            *o++ = ' ';
        space = false;
        *o++ = *p;
    }
    *o = '\0';
}

sitrep_status sr_claim_source_texts(sitrep_doc *doc, const sr_context *c)
{
    sr_claim *cl = (sr_claim *)(void *)doc->claims.data;
    for (size_t i = 0; i < SR_VEC_COUNT(&doc->claims, sr_claim); i++) {
        if (cl[i].source >= 0 || cl[i].source_end <= cl[i].source_start)
            continue;
        char *t = sr_arena_strndup(&doc->arena, doc->src + cl[i].source_start,
                                   cl[i].source_end - cl[i].source_start);
        if (!t)
            return SITREP_ENOMEM;
        /* "Police said" opening a sentence: the common noun in lower case */
        size_t w = strcspn(t, " ");
        size_t tk = sr_context_token_at(c, cl[i].source_start);
        size_t after = sr_context_token_at(c, cl[i].source_end); /* the speech verb, when spoken there */
        if (tk < c->ntok && (c->tok[tk].flags & SITREP_TOKF_SENT_START) && t[0] >= 'A' && t[0] <= 'Z' &&
            w > 1 && t[1] >= 'a' && t[1] <= 'z' && sr_wordset_has(&sr_common_words, t, w) &&
            (after >= c->ntok || sr_tok_flag(c, after, SR_WI_SPEECH)))
            t[0] = (char)(t[0] + 32);
        one_line(t);
        cl[i].source_text = t;
    }
    for (size_t i = 0; i < SR_VEC_COUNT(&doc->claims, sr_claim); i++) {
        if (cl[i].actor >= 0 || cl[i].actor_end <= cl[i].actor_start)
            continue;
        char *t = sr_arena_strndup(&doc->arena, doc->src + cl[i].actor_start, cl[i].actor_end - cl[i].actor_start);
        if (!t)
            return SITREP_ENOMEM;
        /* "Troops seized" opening a sentence: the common noun in lower case */
        if (!span_is_name(c, cl[i].actor_start) && t[0] >= 'A' && t[0] <= 'Z' && t[1] >= 'a' && t[1] <= 'z')
            t[0] = (char)(t[0] + 32);
        one_line(t);
        cl[i].actor_text = t;
    }
    return SITREP_OK;
}
