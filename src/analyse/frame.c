/*
 * frame.c -- clause bounds, sources, statement dates and the dominant
 * group, shared by claims and events (frame.h).
 */
#include "analyse/frame.h"

#include "analyse/entities.h"
#include "analyse/times.h"

#include <string.h>


/* ---- sentences and clauses ---- */

size_t sr_skip_said(const sr_context *c, size_t a, size_t hi)
{
    if (!sr_tok_char(c, a, ','))
        return a;
    for (size_t k = a + 1; k < hi && k < a + 7; k++) {
        if (sr_tok_char(c, k, ','))
            return k > a + 1 && sr_tok_flag(c, k - 1, SR_WI_SPEECH) ? k + 1 : a;
    }
    return a;
}

/* A lower-case word of more than five letters ending in "ing". */
static bool ing_word(const sr_context *c, size_t i)
{
    return !(i < c->ntok && (c->tok[i].flags & SITREP_TOKF_CAP)) && sr_tok_ing(c, i, 5);
}

size_t sr_clause_end(const sr_context *c, size_t from, size_t hi, bool figures)
{
    if (hi > from + SR_CLAUSE_WINDOW)
        hi = from + SR_CLAUSE_WINDOW;
    for (size_t i = from; i < hi; i++) {
        if (sr_tok_char(c, i, ',') && sr_skip_said(c, i, hi) != i) {
            i = sr_skip_said(c, i, hi) - 1; /* ", local officials said," */
            continue;
        }
        if ((figures && c->at[i].figure >= 0) || (sr_tok_flag(c, i, SR_WI_SPEECH) && sr_speech_verb(c, i)) ||
            sr_clause_break(c, i) || (sr_tok_is(c, i, "according") && sr_tok_is(c, i + 1, "to")))
            return i;
        /* ", prompting ...", ", killing ...": a new clause; ", which ..." far
         * from the figure speaks of something else */
        if (sr_tok_char(c, i, ',') && ((ing_word(c, i + 1) && !sr_tok_is(c, i + 1, "including")) ||
                                       (sr_tok_class(c, i + 1, SR_LEX_FRAME_RELATIVE) && i > from + 3)))
            return i;
    }
    return hi;
}

size_t sr_clause_start(const sr_context *c, size_t to, size_t lo)
{
    if (to > lo + SR_CLAUSE_WINDOW)
        lo = to - SR_CLAUSE_WINDOW;
    for (size_t i = to; i > lo; i--) {
        size_t k = i - 1;
        if (c->at[k].figure >= 0 || sr_clause_break(c, k))
            return i;
    }
    return lo;
}

/* ---- sources ---- */

bool sr_role_noun(const sr_context *c, size_t i) { return sr_tok_class(c, i, SR_LEX_FRAME_ROLE_NOUN); }

bool sr_speech_verb(const sr_context *c, size_t i)
{
    if (!sr_speech_word(c, i))
        return false;
    if ((c->tok[i].flags & SITREP_TOKF_CAP) && !(c->tok[i].flags & SITREP_TOKF_SENT_START))
        return false; /* "United States", "Reports" in a name */
    if (c->at[i].mention >= 0)
        return false;
    /* "an estimated $10 million", "the reported attack", "were reported killed",
     * "according to reports", "was not reported" */
    if (i > 0 && (sr_tok_class(c, i - 1, SR_LEX_FRAME_DETERMINER) || sr_tok_class(c, i - 1, SR_LEX_FRAME_BE) ||
                  sr_tok_class(c, i - 1, SR_LEX_FRAME_PREPOSITION) ||
                  (i > 1 && sr_tok_is(c, i - 1, "not") && sr_tok_class(c, i - 2, SR_LEX_FRAME_BE))))
        return false;
    /* "damage estimated in the millions", "losses estimated at $5 million":
     * a participle after its noun */
    if (i > 0 && sr_tok_word(c, i - 1) && !(c->tok[i - 1].flags & SITREP_TOKF_CAP) && c->at[i - 1].mention < 0 &&
        !sr_tok_class(c, i - 1, SR_LEX_FRAME_PRONOUN_ORG) && !sr_tok_class(c, i - 1, SR_LEX_FRAME_PRONOUN_PERSON) &&
        (sr_tok_is(c, i + 1, "in") || (sr_tok_is(c, i + 1, "at") && !sr_tok_is(c, i + 2, "least") &&
                                       !sr_tok_is(c, i + 2, "most"))) &&
        sr_tok_class(c, i, SR_LEX_FRAME_AMOUNT_PARTICIPLE))
        return false;
    switch (sr_lex_value(c->wi[i].lex, SR_LEX_FRAME_SPEECH_USE, SR_LEXCOL_FRAME_SPEECH_USE_USE)) {
    case SR_LEXE_FRAME_SPEECH_USE_USE_CLAIM:
        /* "claimed its fighters had killed": a statement; "claimed
         * responsibility", "claimed the attack": an act */
        return sr_tok_is(c, i + 1, "that") || sr_tok_is(c, i + 1, "its") || sr_tok_is(c, i + 1, "it") ||
               sr_tok_is(c, i + 1, "their") || sr_tok_is(c, i + 1, "they") ||
               (sr_tok_is(c, i + 1, "to") && sr_tok_is(c, i + 2, "have"));
    case SR_LEXE_FRAME_SPEECH_USE_USE_FINDING:
        /* "a report by Amnesty International found that" */
        return sr_tok_is(c, i + 1, "that") && i > 0 && sr_entity_at(c, i - 1, NULL) != NULL;
    case SR_LEXE_FRAME_SPEECH_USE_USE_PUT:
        /* "put the toll at 61" */
        for (size_t k = i + 1; k <= i + 3; k++)
            if (sr_tok_class(c, k, SR_LEX_FRAME_TALLY_NOUN))
                return true;
        return false;
    case SR_LEXE_FRAME_SPEECH_USE_USE_NOUN: {
        /* "it reports", "ACLED estimates"; "analysts estimate", "officials report" */
        if (i == 0)
            return false;
        if (sr_tok_class(c, i - 1, SR_LEX_FRAME_PRONOUN_ORG) || sr_entity_at(c, i - 1, NULL) != NULL)
            return true;
        size_t n = c->tok[i - 1].end - c->tok[i - 1].start;
        return sr_tok_word(c, i - 1) && n > 3 && c->src[c->tok[i - 1].end - 1] == 's' &&
               (sr_tok_is(c, i + 1, "that") || c->at[i + 1].figure >= 0 || sr_role_noun(c, i - 1) ||
                sr_tok_stem(c, i - 1, "analyst", 1) || sr_tok_stem(c, i - 1, "expert", 1));
    }
    case SR_LEXE_FRAME_SPEECH_USE_USE_RECORD: {
        /* "ACLED recorded", "the survey shows" (a document with its
         * article), not "data shows" or "Peshawar recorded" */
        const sr_entity *en = i > 0 ? sr_entity_at(c, i - 1, NULL) : NULL;
        if (i > 1 && !en && sr_tok_class(c, i - 1, SR_LEX_CLAIMS_DOCUMENT) && sr_tok_class(c, i - 2, SR_LEX_FRAME_DETERMINER))
            return true;
        return en && en->e.kind != SITREP_ENTITY_PLACE;
    }
    case SR_LEXE_FRAME_SPEECH_USE_USE_ADD: {
        /* "the guard added 12 points", "added another 40 jobs": a figure
         * as its object makes it an act, not a statement ("X added that") */
        size_t k = i + 1;
        if (sr_tok_fw(c, k, SR_LEXE_FW_A) && sr_tok_fw(c, k + 1, SR_LEXE_FW_FURTHER))
            k += 2;
        else if (k < c->ntok && ((sr_tok_class(c, k, SR_LEX_FRAME_DETERMINER) && !sr_tok_fw(c, k, SR_LEXE_FW_THAT)) ||
                                 sr_tok_fw(c, k, SR_LEXE_FW_ANOTHER)))
            k++;
        return !(k < c->ntok && c->at[k].figure >= 0);
    }
    default:
        break;
    }
    return true;
}

bool sr_statement_date(const sr_context *c, size_t t0, size_t t1, size_t lo, size_t hi)
{
    size_t k = t0;
    if (k > lo && sr_tok_is(c, k - 1, "on"))
        k--;
    for (size_t q = k; q > lo && q + 3 > k; q--)
        if (sr_speech_verb(c, q - 1))
            return true;
    if (t1 < hi && sr_speech_verb(c, t1))
        return true;
    /* "according to reports released on Monday": the date of the source */
    for (size_t q = t0; q > lo && t0 - q < 12;) {
        q--;
        if (c->tok[q].kind == SITREP_TOK_PUNCT)
            break;
        if (q > lo && sr_tok_is(c, q, "to") && sr_tok_is(c, q - 1, "according"))
            return true;
    }
    return false;
}

int32_t sr_next_date(const sr_context *c, size_t from, size_t hi, size_t *t0, size_t *t1)
{
    return sr_next_dated(c, from, hi, false, t0, t1);
}

int32_t sr_next_dated(const sr_context *c, size_t from, size_t hi, bool clock, size_t *t0, size_t *t1)
{
    for (size_t i = from; i < hi; i++) {
        int32_t t = c->at[i].time;
        if (t < 0)
            continue;
        size_t e = i;
        while (e < hi && c->at[e].time == t)
            e++;
        const sr_time *tm = &c->times[t];
        if ((tm->kind == SR_TIME_DATE || (clock && tm->kind == SR_TIME_TIME)) && tm->from.year != 0) {
            *t0 = i;
            *t1 = e;
            return t;
        }
        i = e - 1;
    }
    return -1;
}

/* ---- where ---- */

static bool curly(const sr_context *c, size_t k)
{
    return c->src[c->tok[k].start] == '\xE2'; /* a curly apostrophe or quote */
}

bool sr_place_located(const sr_context *c, size_t lo, size_t f)
{
    size_t k = sr_mention_first(c, f);
    for (size_t steps = 0; k > lo && steps < 8; steps++) {
        k--;
        if (sr_tok_class(c, k, SR_LEX_FRAME_LOCATIVE) || sr_tok_class(c, k, SR_LEX_FRAME_PLACE_KIND) ||
            sr_tok_class(c, k, SR_LEX_FRAME_PLACE_OBJECT_VERB))
            return true;
        /* "the town of Geneina", "south of Hodeidah", "the outskirts of Moscow" */
        if (sr_tok_is(c, k, "of"))
            return k > lo && sr_tok_class(c, k - 1, SR_LEX_FRAME_PLACE_OF);
        /* "the border between Tigray and Amhara" */
        if (sr_tok_is(c, k, "between") && k > lo && sr_tok_class(c, k - 1, SR_LEX_FRAME_PLACE_OF))
            return true;
        /* "58 airstrikes on Idlib": what was struck; not "sanctions on Iran" */
        if (sr_tok_is(c, k, "on"))
            return k > lo && sr_tok_class(c, k - 1, SR_LEX_FRAME_STRUCK_ON);
        /* "20 km from Djibo", not "fighters from Syria" */
        if (sr_tok_is(c, k, "from"))
            return k > lo && sr_tok_class(c, k - 1, SR_LEX_FRAME_DISTANCE);
        if (c->at[k].mention >= 0) {
            k = sr_mention_first(c, k);
            continue;
        }
        /* "in Sake, North Kivu": a name the gazetteer lacks, after a
         * locative, that the region after the comma places */
        if (sr_tok_char(c, k, ',') && k > lo) {
            size_t q = k;
            while (q > lo && k - q < 3 && sr_tok_word(c, q - 1) && (c->tok[q - 1].flags & SITREP_TOKF_CAP) &&
                   c->at[q - 1].mention < 0)
                q--;
            if (q < k && q > lo && sr_tok_class(c, q - 1, SR_LEX_FRAME_LOCATIVE))
                return true;
        }
        /* "in Syria and Iraq", "in Syria's eastern desert", "in the
         * restive northern province": joiners and lower-case words between */
        if (sr_tok_is(c, k, "and") || sr_tok_is(c, k, "or") || sr_tok_char(c, k, ',') ||
            sr_tok_char(c, k, '(') || sr_tok_char(c, k, '\'') || sr_tok_is(c, k, "s") ||
            sr_tok_is(c, k, "the") || sr_tok_is(c, k, "both") || curly(c, k) ||
            sr_tok_class(c, k, SR_LEX_FRAME_DIRECTION) ||
            (sr_tok_word(c, k) && !(c->tok[k].flags & SITREP_TOKF_CAP) && !sr_speech_word(c, k) &&
             steps < 5 && c->tok[k].end - c->tok[k].start > 3 && c->at[k].figure < 0 &&
             !sr_tok_class(c, k, SR_LEX_FRAME_PLACE_STOP)))
            continue;
        return false;
    }
    return false;
}

bool sr_place_reference(const sr_context *c, size_t lo, size_t f)
{
    size_t k = sr_mention_first(c, f);
    if (k <= lo + 1 || !(sr_tok_is(c, k - 1, "of") || sr_tok_is(c, k - 1, "from")))
        return false;
    /* back over "west", "north-west", "away": to a unit of distance */
    for (k--; k > lo && (sr_tok_class(c, k - 1, SR_LEX_FRAME_DIRECTION_OF_DISTANCE) || sr_tok_char(c, k - 1, '-')); k--)
        ;
    return k > lo && sr_tok_class(c, k - 1, SR_LEX_FRAME_DISTANCE);
}

bool sr_speakers_place(const sr_context *c, size_t first, size_t last, size_t lo, size_t hi)
{
    for (size_t k = last + 1; k < hi && k <= last + 3 && c->tok[k].kind == SITREP_TOK_WORD; k++)
        if (sr_speech_verb(c, k))
            return true;
    for (size_t k = first; k > lo && first - k < 4; k--)
        if (sr_tok_class(c, k - 1, SR_LEX_FRAME_TOLD))
            return true;
    return false;
}

/* ---- actors ---- */

/* Does mention m, whose last token is k, only qualify another name ("the
 * al-Qaeda-linked JNIM": the mention ends inside its token, before
 * "-linked")? */
static bool modifier_use(const sr_context *c, size_t k, int32_t m)
{
    uint32_t end = c->men[m].span.end, tend = c->tok[k].end;
    const char *rest = c->src + end;
    if (end + 2 > tend || rest[0] != '-') /* the mention ends its token */
        rest = NULL;
    size_t len = rest ? tend - end - 1 : 0;
    if (!rest && k + 2 < c->ntok && sr_tok_char(c, k + 1, '-') && c->tok[k + 1].start == tend) {
        rest = c->src + c->tok[k + 2].start - 1; /* "al-Qaeda" "-" "linked" */
        len = c->tok[k + 2].end - c->tok[k + 2].start;
    }
    return rest && sr_lex_in(sr_lex_find(rest + 1, len), SR_LEX_FRAME_LINK_PARTICIPLE);
}

/* How many of mention m's token runs (the tokens whose context names m,
 * context.c) end in a use that only qualifies another name
 * (modifier_use)?  Those tokens lie within the mention's span and name. */
static uint32_t modifier_runs(const sr_context *c, int32_t m)
{
    const sitrep_mention *mn = &c->men[m];
    uint32_t start = mn->span.start, end = mn->span.end;
    if (mn->name.end > mn->name.start) {
        start = mn->name.start < start ? mn->name.start : start;
        end = mn->name.end > end ? mn->name.end : end;
    }
    size_t k = sr_context_token_at(c, start);
    uint32_t n = 0;
    for (k = k ? k - 1 : 0; k < c->ntok && c->tok[k].start < end; k++)
        if (c->at[k].mention == m && !(k + 1 < c->ntok && c->at[k + 1].mention == m))
            n += modifier_use(c, k, m);
    return n;
}

bool sr_allied_at(const sr_context *c, size_t lo, size_t f)
{
    /* back over "the", and over the names listed before it ("linked to
     * al-Qaeda and the Islamic State group") */
    size_t p = f;
    for (size_t steps = 0; p > lo && p <= c->ntok && steps < 8; steps++) {
        if (!(sr_tok_is(c, p - 1, "the") || sr_tok_is(c, p - 1, "and") || sr_tok_char(c, p - 1, ',') ||
              c->at[p - 1].mention >= 0))
            break;
        p--;
    }
    return p >= lo + 2 && p <= c->ntok &&
           (sr_tok_is(c, p - 1, "to") || sr_tok_is(c, p - 1, "with") || sr_tok_is(c, p - 1, "by")) &&
           sr_tok_class(c, p - 2, SR_LEX_FRAME_LINK_PARTICIPLE);
}

/* The armed group named most, its mentions that only qualify another
 * name (modifier_use, sr_allied_at) not counted.  Only a group that could beat the
 * best so far has its mentions read, each at its own tokens (a pass over
 * the document's tokens per group cost as much as the rest of the claims
 * and events stages). */
int32_t sr_dominant_group(const sr_context *c)
{
    if (c->dominant != SR_DOMINANT_UNASKED)
        return c->dominant;
    uint32_t best = 0;
    int32_t who = -1;
    for (size_t e = 0; e < c->nent; e++) {
        if (c->ent[e].e.kind != SITREP_ENTITY_ARMED_GROUP || c->ent[e].mentions <= best)
            continue;
        uint32_t mod = 0;
        for (size_t m = 0; m < c->nmen; m++)
            if (c->men[m].entity == (uint32_t)e)
                mod += sr_allied_at(c, 0, sr_context_token_at(c, c->men[m].span.start)) ? 1 : modifier_runs(c, (int32_t)m);
        uint32_t n = c->ent[e].mentions - mod;
        if (n > best) {
            best = n;
            who = (int32_t)e;
        }
    }
    return who;
}
