/*
 * events.c -- ACLED-style events (events.h).
 *
 * The words and rules are data: data/lex/events.lex holds the trigger
 * table (each phrase with the sub-event it names, a guard and a veto named
 * here in test_holds) and every word class read below.
 *
 * For each sentence:
 *   1. find triggers, each with the sub-event type it names.  A trigger
 *      that did not happen is dropped: a threat, plan, hope or fear before
 *      it ("vowed to attack", "could strike", "to prevent attacks"), the
 *      future, negation, a tally ("153 attacks", the verb of a figure over
 *      months: "arresting 166 between January and June"), a plural without
 *      a happening ("regular drone attacks", "its attacks"), a word inside
 *      a name ("Islamic Resistance");
 *   2. cut the sentence into clauses at "while", "but", ";" and "meanwhile"
 *      between triggers; the triggers of one clause are one event, typed
 *      by the most specific of them ("an attack ... a suicide bombing");
 *   3. read the clause: its dated time expression (not the date of a
 *      statement), its most specific place (a facility or town over a
 *      province over a country), its perpetrator (who "claimed" or "took
 *      credit for" it, the subject before the trigger, "by X" after it,
 *      "the group" for the armed group named most) and the other side
 *      ("on US bases", the victims' nationality), and its dead and injured:
 *      the claims of the clause whose measure says killed or injured, a
 *      list summed ("left five victims, a police officer and three
 *      attackers dead" is 9);
 *   4. keep it only when it is anchored: a place, a date or casualties;
 *      a definite mention without any ("the murder of the judge") adds to
 *      a happening the report tells, and stands alone, one per kind, only
 *      when the report tells none;
 *   5. merge it into an earlier event of the article when it refers back
 *      to it ("the attack", "the blast") or states the same type, place
 *      and date.
 */
#include "analyse/events.h"

#include "analyse/entities.h"
#include "analyse/figures.h"
#include "analyse/frame.h"
#include "analyse/times.h"
#include "analyse/wordinfo.h"
#include "data/gazetteer.h"
#include "data/namekey.h"
#include "data/wordhash.h"

#include <stdio.h>
#include <string.h>

/* ---- the ACLED sub-event table ---- */

enum {
    EV_NONE,
    EV_CLASH,
    EV_GOV_REGAINS,
    EV_NSA_OVERTAKES,
    EV_AIR,
    EV_SUICIDE,
    EV_SHELLING,
    EV_IED,
    EV_GRENADE,
    EV_VAC_ATTACK,
    EV_ABDUCTION,
    EV_SEXUAL,
    EV_PEACEFUL_PROTEST,
    EV_PROTEST_INTERVENTION,
    EV_VIOLENT_DEMO,
    EV_MOB,
    EV_AGREEMENT,
    EV_ARRESTS,
    EV_CHANGE,
    EV_HQ,
    EV_LOOTING,
    EV_TRANSFER,
    EV_OTHER,
    EV_ATTACK_GENERIC, /* "an attack": clash or attack on civilians, decided by its target */
    EV_DISRUPTED,
    EV_COUNT
};

/* Each sub-event's ACLED sub-event (its name and type: sitrep_sub_event in
 * sitrep.h, named in analyse/results.c) and its rank. */
static const struct {
    sitrep_sub_event sub;
    uint8_t rank; /* which names the event when one clause has several triggers */
} subs[EV_COUNT] = {
    [EV_NONE] = {SITREP_SUB_NONE, 0},
    [EV_CLASH] = {SITREP_SUB_ARMED_CLASH, 3},
    [EV_GOV_REGAINS] = {SITREP_SUB_GOVERNMENT_REGAINS_TERRITORY, 5},
    [EV_NSA_OVERTAKES] = {SITREP_SUB_NON_STATE_ACTOR_OVERTAKES_TERRITORY, 5},
    [EV_AIR] = {SITREP_SUB_AIR_DRONE_STRIKE, 7},
    [EV_SUICIDE] = {SITREP_SUB_SUICIDE_BOMB, 9},
    [EV_SHELLING] = {SITREP_SUB_SHELLING, 6},
    [EV_IED] = {SITREP_SUB_REMOTE_EXPLOSIVE, 8},
    [EV_GRENADE] = {SITREP_SUB_GRENADE, 6},
    [EV_VAC_ATTACK] = {SITREP_SUB_ATTACK, 4},
    [EV_ABDUCTION] = {SITREP_SUB_ABDUCTION, 4},
    [EV_SEXUAL] = {SITREP_SUB_SEXUAL_VIOLENCE, 4},
    [EV_PEACEFUL_PROTEST] = {SITREP_SUB_PEACEFUL_PROTEST, 2},
    [EV_PROTEST_INTERVENTION] = {SITREP_SUB_PROTEST_WITH_INTERVENTION, 3},
    [EV_VIOLENT_DEMO] = {SITREP_SUB_VIOLENT_DEMONSTRATION, 3},
    [EV_MOB] = {SITREP_SUB_MOB_VIOLENCE, 3},
    [EV_AGREEMENT] = {SITREP_SUB_AGREEMENT, 1},
    [EV_ARRESTS] = {SITREP_SUB_ARRESTS, 1},
    [EV_CHANGE] = {SITREP_SUB_CHANGE_TO_GROUP, 1},
    [EV_HQ] = {SITREP_SUB_HEADQUARTERS, 1},
    [EV_LOOTING] = {SITREP_SUB_LOOTING, 1},
    [EV_TRANSFER] = {SITREP_SUB_TRANSFER_OF_TERRITORY, 1},
    [EV_OTHER] = {SITREP_SUB_OTHER, 1},
    [EV_ATTACK_GENERIC] = {SITREP_SUB_ARMED_CLASH, 2},
    [EV_DISRUPTED] = {SITREP_SUB_DISRUPTED_WEAPONS_USE, 1},
};

static sitrep_event_type type_of(int sub)
{
    return sitrep_sub_event_type(subs[sub].sub);
}

sitrep_sub_event sr_event_sub(int sub) { return sub > 0 && sub < EV_COUNT ? subs[sub].sub : SITREP_SUB_NONE; }

/* The sub-events the trigger table (data/lex/events.lex) names, by their
 * value there.  A new value in the data must be mapped here: the count
 * below stops the build until it is. */
_Static_assert(SR_LEXE_EVENT_SUB__COUNT == 24, "map every event_sub of events.lex in sub_of_lex");
static const uint8_t sub_of_lex[SR_LEXE_EVENT_SUB__COUNT] = {
    [SR_LEXE_EVENT_SUB_SUICIDE] = EV_SUICIDE,
    [SR_LEXE_EVENT_SUB_AIR] = EV_AIR,
    [SR_LEXE_EVENT_SUB_IED] = EV_IED,
    [SR_LEXE_EVENT_SUB_SHELLING] = EV_SHELLING,
    [SR_LEXE_EVENT_SUB_GRENADE] = EV_GRENADE,
    [SR_LEXE_EVENT_SUB_CLASH] = EV_CLASH,
    [SR_LEXE_EVENT_SUB_ATTACK] = EV_ATTACK_GENERIC,
    [SR_LEXE_EVENT_SUB_CIVILIANS] = EV_VAC_ATTACK,
    [SR_LEXE_EVENT_SUB_ABDUCTION] = EV_ABDUCTION,
    [SR_LEXE_EVENT_SUB_SEXUAL] = EV_SEXUAL,
    [SR_LEXE_EVENT_SUB_ARRESTS] = EV_ARRESTS,
    [SR_LEXE_EVENT_SUB_AGREEMENT] = EV_AGREEMENT,
    [SR_LEXE_EVENT_SUB_TRANSFER] = EV_TRANSFER,
    [SR_LEXE_EVENT_SUB_CHANGE] = EV_CHANGE,
    [SR_LEXE_EVENT_SUB_OTHER] = EV_OTHER,
    [SR_LEXE_EVENT_SUB_HQ] = EV_HQ,
    [SR_LEXE_EVENT_SUB_LOOTING] = EV_LOOTING,
    [SR_LEXE_EVENT_SUB_MOB] = EV_MOB,
    [SR_LEXE_EVENT_SUB_NSA_OVERTAKES] = EV_NSA_OVERTAKES,
    [SR_LEXE_EVENT_SUB_GOV_REGAINS] = EV_GOV_REGAINS,
    [SR_LEXE_EVENT_SUB_PROTEST] = EV_PEACEFUL_PROTEST,
    [SR_LEXE_EVENT_SUB_VIOLENT_DEMO] = EV_VIOLENT_DEMO,
    [SR_LEXE_EVENT_SUB_DISRUPTED] = EV_DISRUPTED,
};

/* ---- helpers ---- */

/* Is the noun at token k a plural: in -s, or one of figures.lex's plurals
 * without it ("men", "people")? */
static bool plural_noun(const sr_context *c, size_t k)
{
    size_t n = c->tok[k].end - c->tok[k].start;
    return (n > 0 && (c->src[c->tok[k].end - 1] | 0x20) == 's') ||
           sr_tok_class(c, k, SR_LEX_FIGURES_IRREGULAR_PLURAL);
}

/* Is a word of class k within `before` words before token i or `after`
 * words after it, inside [lo, hi)? */
static bool near_class(const sr_context *c, size_t i, size_t lo, size_t hi, int before, int after,
                       enum sr_lexclass k)
{
    size_t a = i > lo + (size_t)before ? i - (size_t)before : lo;
    size_t b = i + (size_t)after + 1 < hi ? i + (size_t)after + 1 : hi;
    for (size_t q = a; q < b; q++)
        if (q != i && sr_tok_class(c, q, k))
            return true;
    return false;
}

/* Is the word w (a grammar word) within `before` words before token i or
 * `after` words after it, inside [lo, hi)? */
static bool near_is(const sr_context *c, size_t i, size_t lo, size_t hi, int before, int after,
                    const char *w)
{
    size_t a = i > lo + (size_t)before ? i - (size_t)before : lo;
    size_t b = i + (size_t)after + 1 < hi ? i + (size_t)after + 1 : hi;
    for (size_t q = a; q < b; q++)
        if (q != i && sr_tok_is(c, q, w))
            return true;
    return false;
}

/* Does the sentence speak of armed violence: its casualties, armed men,
 * weapons, a military or civilian target, an armed group or a military?
 * Words such as "attacked", "fought", "clashed", "ambushed" and "under
 * attack" are as often said of politicians, patients and markets
 * ("Johnson and Corbyn attacked each other's policies", "she fought
 * cancer", "the news ambushed her in a hospital"). */
static bool violent_context(const sr_context *c, size_t lo, size_t hi, size_t except)
{
    for (size_t k = lo; k < hi; k++) {
        if (k == except)
            continue;
        if (sr_tok_class(c, k, SR_LEX_EVENTS_VIOLENCE) || sr_tok_class(c, k, SR_LEX_EVENTS_MILITARY_TARGET))
            return true;
        const sr_entity *en = sr_entity_at(c, k, NULL);
        if (en && (en->e.kind == SITREP_ENTITY_ARMED_GROUP || en->e.kind == SITREP_ENTITY_MILITARY))
            return true;
    }
    return false;
}

/* Is an agreement one between states, armed groups or their go-betweens
 * (not two companies "reaching a deal")? */
static bool political_context(const sr_context *c, size_t lo, size_t hi)
{
    for (size_t k = lo; k < hi; k++) {
        if (sr_tok_class(c, k, SR_LEX_EVENTS_POLITICAL))
            return true;
        const sr_entity *en = sr_entity_at(c, k, NULL);
        if (en && (en->e.kind == SITREP_ENTITY_ARMED_GROUP || en->e.kind == SITREP_ENTITY_MILITARY ||
                   en->e.kind == SITREP_ENTITY_GOVERNMENT ||
                   (en->e.kind == SITREP_ENTITY_PLACE && en->e.feature && strcmp(en->e.feature, "country") == 0)))
            return true;
    }
    return false;
}

/* ---- triggers ---- */

typedef struct estate {
    const sr_context *c;
    const sr_claim *claims;
    size_t nclaims;
    const int32_t *fig_claim;
    sr_date anchor;
    int32_t dominant;
    int32_t dateline;   /* the place of the article's dateline ("MOGADISHU, Somalia (AP) —"), -1 */
    sr_arena *arena;    /* the document's: names made here ("Military Forces of Chad") */
    uint32_t country;   /* the country the report is about, gazetteer id + 1 (0 none; see
                           report_country), found when first asked */
    char country_cc[3];
    bool abroad;        /* filed from a dateline in another country than the one the report
                           is about, which the text names once or twice (report_country) */
} estate;


typedef struct trig {
    size_t at, end;   /* tokens [at, end) */
    uint8_t sub;
    bool definite;    /* "the attack": refers back */
    bool plural;
    bool reaction;    /* "condemned the attack": a response to it */
    bool generic;     /* "the murder of activists": a kind of crime, not one happening */
} trig;

/* Is the trigger at i what a denial before it in its sentence denies ("the
 * army denied that its planes bombed the villages", "denied attacking the
 * convoy")?  A denial governs the rest of the sentence, but only a verb:
 * a happening named by a noun ("denied that his trip had anything to do
 * with the kidnapping") is presupposed, not denied. */
static bool denied(const sr_context *c, size_t i, size_t lo)
{
    size_t n = c->tok[i].end - c->tok[i].start;
    const char *w = c->src + c->tok[i].start;
    bool ed = n > 3 && (w[n - 2] | 0x20) == 'e' && (w[n - 1] | 0x20) == 'd';
    bool ing = n > 4 && (w[n - 3] | 0x20) == 'i' && (w[n - 2] | 0x20) == 'n' && (w[n - 1] | 0x20) == 'g';
    if (!ed && !ing)
        return false;
    for (size_t k = i > lo + 3 ? i - 3 : lo; ing && k < i; k++)
        if (sr_tok_class(c, k, SR_LEX_FRAME_DETERMINER) || sr_tok_is(c, k, "of"))
            return false; /* "denied the bombing of" */
    for (size_t k = lo; k < i; k++)
        if (sr_tok_class(c, k, SR_LEX_EVENTS_DENIAL))
            return true;
    return false;
}

/* Is the trigger at i (a verb or noun) in a clause that says it happened? */
static bool attempted_to(const sr_context *c, size_t i, size_t lo);

static bool realis(const sr_context *c, size_t i, size_t lo)
{
    size_t a = i > lo + 6 ? i - 6 : lo;
    for (size_t k = a; k < i; k++) {
        if (sr_tok_char(c, k, ',') || sr_tok_char(c, k, ';'))
            continue; /* the window still governs: "vowed, again, to attack" */
        if (!sr_tok_flag(c, k, SR_WI_IRREALIS) && !sr_tok_class(c, k, SR_LEX_EVENTS_NEGATION))
            continue;
        /* "a march against taxes ... turned violent": governs the taxes */
        if (sr_tok_class(c, k, SR_LEX_EVENTS_GOVERNS_NEXT) && i - k > 2)
            continue;
        /* "took several civilians hostage", "hit X with several
         * rockets": a quantifier of the people or munitions named after
         * it, not of happenings ("several attacks") */
        if (sr_tok_class(c, k, SR_LEX_EVENTS_QUANTIFIER)) {
            bool things = false;
            for (size_t q = k + 1; q <= i && !things; q++)
                things = sr_tok_class(c, q, SR_LEX_EVENTS_PERSON_OBJECT) ||
                         sr_tok_class(c, q, SR_LEX_EVENTS_CIVILIAN_TARGET) ||
                         sr_tok_class(c, q, SR_LEX_EVENTS_COUNTED_THING);
            if (things)
                continue;
        }
        /* "foiled an attempt to kidnap": the attempt was made */
        size_t a1 = k + 1 < i && (sr_tok_is(c, k + 1, "an") || sr_tok_is(c, k + 1, "the")) ? k + 2 : k + 1;
        if (a1 < i && sr_tok_class(c, a1, SR_LEX_EVENTS_ATTEMPT) && c->tok[k].end - c->tok[k].start > 3 &&
            (c->src[c->tok[k].end - 2] | 0x20) == 'e' && (c->src[c->tok[k].end - 1] | 0x20) == 'd')
            continue;
        /* "may have been killed": unsure of the toll, not of the event */
        if (sr_tok_is(c, k + 1, "have") && sr_tok_class(c, k, SR_LEX_EVENTS_HEDGE))
            continue;
        /* negation governs only what follows it closely: "no attack", not
         * "no group has claimed the bombing"; "no one was killed" */
        if (sr_tok_class(c, k, SR_LEX_EVENTS_NEGATION) && i - k > 2 &&
            !(i - k <= 4 && sr_tok_is(c, k, "no") && sr_tok_is(c, k + 1, "one")))
            continue;
        return false;
    }
    /* "ceased bombing pipelines", "urged them to stop the bombings", "to
     * halt the murder of activists": what stops or is to stop is told as
     * a course of action, not one happening */
    for (size_t k = i > lo + 3 ? i - 3 : lo; k < i; k++) {
        if (sr_tok_char(c, k, ',') || sr_tok_char(c, k, ';'))
            break;
        if (sr_tok_class(c, k, SR_LEX_EVENTS_CESSATION))
            return false;
    }
    if (i > lo && sr_tok_is(c, i - 1, "to") && !(i > lo + 1 && sr_tok_is(c, i - 2, "due")) &&
        !(i > lo + 1 && sr_tok_class(c, i - 2, SR_LEX_EVENTS_INCEPTION)) && !attempted_to(c, i, lo))
        return false; /* "to attack", not "began to attack" nor "attempted to kidnap" */
    return true;
}

/* A word of a figure's measure that names munitions or people, not
 * happenings: "three rockets hit", "two suicide bombers struck". */
static bool counted_thing(const sr_context *c, size_t i)
{
    return sr_tok_class(c, i, SR_LEX_EVENTS_COUNTED_THING);
}

static bool object_is_person(const sr_context *c, size_t i, size_t hi)
{
    for (size_t k = i + 1; k < hi && k < i + 4; k++) {
        if (sr_tok_class(c, k, SR_LEX_EVENTS_PERSON_OBJECT))
            return true;
        const sr_entity *e = sr_entity_at(c, k, NULL);
        if (e && e->e.kind == SITREP_ENTITY_PERSON)
            return true;
    }
    return false;
}

static bool place_after(const sr_context *c, size_t i, size_t hi)
{
    /* four words, not counting those of "the village of" */
    for (size_t k = i + 1, words = 0; k < hi && words < 4; k++) {
        const sr_entity *en = sr_entity_at(c, k, NULL);
        if (en && en->e.kind == SITREP_ENTITY_PLACE)
            return true;
        if (!sr_tok_is(c, k, "the") && !sr_tok_is(c, k, "of") && !sr_tok_class(c, k, SR_LEX_FRAME_PLACE_OF))
            words++;
    }
    return false;
}

/* The guards and vetoes of the trigger table (data/lex/events.lex, where
 * each is described): does test `t` hold for the trigger at token i of
 * the sentence [lo, hi)? */
/* "attempted to kidnap", "an attempt by the rebels to kill": the base
 * verb at i follows "to" after an attempt word */
static bool attempted_to(const sr_context *c, size_t i, size_t lo)
{
    if (i < lo + 2 || !sr_tok_is(c, i - 1, "to"))
        return false;
    if (sr_tok_class(c, i - 2, SR_LEX_EVENTS_ATTEMPT))
        return true;
    for (size_t k = i - 2; k > lo && i - k < 8;) {
        k--;
        if (sr_tok_char(c, k, ',') || sr_clause_break(c, k))
            return false;
        if (sr_tok_class(c, k, SR_LEX_EVENTS_ATTEMPT))
            return sr_tok_is(c, k + 1, "by");
    }
    return false;
}

/* "troops seized 4 rifles, 2 radios and 36 grenades", "supplied the
 * grenades": a verb that takes or hands over arms (seize_verb) earlier in
 * the clause of the weapon word at i makes it goods, not a blast */
static bool seized_before(const sr_context *c, size_t i, size_t lo)
{
    for (size_t k = i; k > lo && i - k < 16;) {
        k--;
        if (sr_clause_break(c, k) || sr_tok_char(c, k, ';'))
            return false;
        if (sr_tok_class(c, k, SR_LEX_EVENTS_SEIZE_VERB))
            return true;
    }
    return false;
}

/* A bomb word near the trigger at i, not counted by five or more. */
static bool bomb_near(const sr_context *c, size_t i, size_t lo, size_t hi)
{
    size_t a = i > lo + 16 ? i - 16 : lo, b = i + 7 < hi ? i + 7 : hi;
    for (size_t q = a; q < b; q++)
        if (q != i && sr_tok_class(c, q, SR_LEX_EVENTS_BOMB_WORD)) {
            int32_t f = q > lo ? c->at[q - 1].figure : -1;
            return f < 0 || c->figs[f].low < 5;
        }
    return false;
}

_Static_assert(SR_LEXE_EVENT_TEST__COUNT == 40, "give every event_test of events.lex a case in test_holds");
static bool test_holds(const sr_context *c, int t, size_t i, size_t lo, size_t hi)
{
    switch (t) {
    case SR_LEXE_EVENT_TEST_LAUNCHED:
        return i > lo + 1 && sr_tok_class(c, i - 2, SR_LEX_EVENTS_LAUNCH_VERB);
    case SR_LEXE_EVENT_TEST_HIT_NEXT:
        return sr_tok_class(c, i + 1, SR_LEX_EVENTS_STRIKE_VERB);
    case SR_LEXE_EVENT_TEST_AIRCRAFT_BEFORE:
        return near_class(c, i, lo, hi, 3, 0, SR_LEX_EVENTS_AIRCRAFT);
    case SR_LEXE_EVENT_TEST_AIR_FORCE_BY:
        /* "bombed by the air force", "bombed by Salvadoran planes" */
        for (size_t k = i + 1; k + 1 < hi && k < i + 3; k++)
            if (sr_tok_is(c, k, "by")) {
                for (size_t q = k + 1; q < hi && q < k + 4; q++)
                    if (sr_tok_phrase(c, q, hi, SR_LEX_EVENTS_AIR_DOER, NULL))
                        return true;
                return false;
            }
        return false;
    case SR_LEXE_EVENT_TEST_AFTER_MISSILE:
        return i > lo && sr_tok_class(c, i - 1, SR_LEX_EVENTS_MISSILE_WORD);
    case SR_LEXE_EVENT_TEST_MILITARY:
        return near_class(c, i, lo, hi, 2, 0, SR_LEX_EVENTS_STRIKE_MODIFIER) ||
               (i > lo && sr_entity_at(c, i - 1, NULL));
    case SR_LEXE_EVENT_TEST_ON_TARGET:
        return i > lo && (sr_tok_is(c, i - 1, "a") || sr_tok_is(c, i - 1, "the")) &&
               sr_tok_class(c, i + 1, SR_LEX_EVENTS_AIMED_AT);
    case SR_LEXE_EVENT_TEST_FIRE_NEAR: {
        if (near_class(c, i, lo, hi, 4, 4, SR_LEX_EVENTS_MUNITION_USE))
            return true;
        /* "struck the city of X with two ballistic missiles": the
         * instrument of a use named before "with" */
        for (size_t q = i; q > lo && i - q < 4;) {
            q--;
            if (sr_tok_is(c, q, "with"))
                return near_class(c, q, lo, hi, 8, 0, SR_LEX_EVENTS_MUNITION_USE);
            if (!sr_tok_word(c, q) && c->tok[q].kind != SITREP_TOK_NUMBER)
                break;
        }
        return false;
    }
    case SR_LEXE_EVENT_TEST_SUICIDE_BEFORE:
        return near_class(c, i, lo, hi, 3, 0, SR_LEX_EVENTS_SUICIDE_WORD);
    case SR_LEXE_EVENT_TEST_SUICIDE2_BEFORE:
        return near_class(c, i, lo, hi, 2, 0, SR_LEX_EVENTS_SUICIDE_WORD);
    case SR_LEXE_EVENT_TEST_VIOLENT:
        return violent_context(c, lo, hi, i);
    case SR_LEXE_EVENT_TEST_INTENSE:
        return near_class(c, i, lo, hi, 2, 0, SR_LEX_EVENTS_INTENSE_WORD) ||
               near_class(c, i, lo, hi, 2, 3, SR_LEX_EVENTS_OUTBREAK) ||
               near_is(c, i, lo, hi, 2, 2, "between");
    case SR_LEXE_EVENT_TEST_SHOT_DEAD:
        return sr_tok_class(c, i + 1, SR_LEX_EVENTS_SHOT_AFTER);
    case SR_LEXE_EVENT_TEST_WAS_BEFORE:
        return i > lo && (sr_tok_is(c, i - 1, "was") || sr_tok_is(c, i - 1, "were"));
    case SR_LEXE_EVENT_TEST_VICTIMS_COUNT: {
        /* the victims' count right after the verb: "killed 9 passengers",
         * "killed the 3 attackers" */
        size_t k = sr_tok_is(c, i + 1, "the") ? i + 2 : i + 1;
        return k < hi && c->at[k].figure >= 0;
    }
    case SR_LEXE_EVENT_TEST_AIR_BEFORE:
        return near_class(c, i, lo, hi, 2, 0, SR_LEX_EVENTS_AIR_WORD);
    case SR_LEXE_EVENT_TEST_PROJECTILE_BEFORE:
        return near_class(c, i, lo, hi, 2, 0, SR_LEX_EVENTS_PROJECTILE_WORD);
    case SR_LEXE_EVENT_TEST_KNIFE_BEFORE:
        return near_class(c, i, lo, hi, 2, 0, SR_LEX_EVENTS_KNIFE_WORD);
    case SR_LEXE_EVENT_TEST_BOMB_BEFORE:
        return near_class(c, i, lo, hi, 3, 0, SR_LEX_EVENTS_BOMB_WORD);
    case SR_LEXE_EVENT_TEST_BOMB_AFTER:
        /* "an attack with explosives", "attacked the embassy in Lima with
         * dynamite" */
        for (size_t k = i + 1; k < hi && k < i + 10; k++) {
            if (sr_tok_char(c, k, ',') || sr_tok_char(c, k, ';'))
                break;
            if (sr_tok_is(c, k, "with"))
                return near_class(c, k, lo, hi, 0, 3, SR_LEX_EVENTS_BOMB_WORD);
        }
        return near_class(c, i, lo, hi, 0, 3, SR_LEX_EVENTS_BOMB_WORD);
    case SR_LEXE_EVENT_TEST_DEAL_MADE:
        return (near_class(c, i, lo, hi, 4, 2, SR_LEX_EVENTS_DEAL_VERB) ||
                near_class(c, i, lo, hi, 3, 0, SR_LEX_EVENTS_PEACE_WORD)) &&
               political_context(c, lo, hi);
    case SR_LEXE_EVENT_TEST_DEAL_TERMS:
        return near_class(c, i, lo, hi, 0, 4, SR_LEX_EVENTS_DEAL_TERM);
    case SR_LEXE_EVENT_TEST_TERRORIST_AFTER:
        return near_class(c, i, lo, hi, 0, 8, SR_LEX_EVENTS_TERRORIST_WORD);
    case SR_LEXE_EVENT_TEST_BASE_AFTER:
        return near_class(c, i, lo, hi, 0, 5, SR_LEX_EVENTS_BASE_WORD);
    case SR_LEXE_EVENT_TEST_PERSON_AFTER:
        return object_is_person(c, i, hi);
    case SR_LEXE_EVENT_TEST_PLACE_AFTER:
        return place_after(c, i, hi);
    case SR_LEXE_EVENT_TEST_BODY_FOUND:
        return object_is_person(c, i, hi) && near_class(c, i, lo, hi, 3, 8, SR_LEX_EVENTS_FOUND_WORD);
    case SR_LEXE_EVENT_TEST_OF_AFTER:
        return sr_tok_is(c, i + 1, "of");
    case SR_LEXE_EVENT_TEST_ATTEMPT_BEFORE:
        return attempted_to(c, i, lo);
    case SR_LEXE_EVENT_TEST_BOMB_NEAR:
        return bomb_near(c, i, lo, hi);
    case SR_LEXE_EVENT_TEST_CROWD_NEAR:
        return near_class(c, i, lo, hi, 4, 4, SR_LEX_EVENTS_CROWD);
    case SR_LEXE_EVENT_TEST_HOLD_BEFORE:
        return near_class(c, i, lo, hi, 5, 0, SR_LEX_EVENTS_HOSTAGE_VERB);
    case SR_LEXE_EVENT_TEST_EPISODE:
        return i > lo && sr_tok_class(c, i - 1, SR_LEX_EVENTS_EPISODE);
    case SR_LEXE_EVENT_TEST_ORDNANCE_USE:
        /* "bomb squad", "grenade launcher"; "rifles, 40 grenades and
         * radios": an inventory, unless a word of use is about it */
        return sr_tok_class(c, i + 1, SR_LEX_EVENTS_ORDNANCE_CONTEXT) ||
               (i > lo && sr_tok_class(c, i - 1, SR_LEX_EVENTS_NON_BLAST)) ||
               near_class(c, i, lo, hi, 3, 0, SR_LEX_EVENTS_DISRUPT_VERB) ||
               ((near_class(c, i, lo, hi, 3, 3, SR_LEX_EVENTS_ARMS_GEAR) || seized_before(c, i, lo)) &&
                !near_class(c, i, lo, hi, 4, 4, SR_LEX_EVENTS_MUNITION_USE));
    case SR_LEXE_EVENT_TEST_FIGURATIVE:
        /* a heart attack, a cyberattack, a verbal attack; an attack on a
         * policy or a rival; a politician "under attack" */
        if (i > lo && sr_tok_class(c, i - 1, SR_LEX_EVENTS_NON_ARMED))
            return true;
        return (near_class(c, i, lo, hi, 0, 4, SR_LEX_EVENTS_ABSTRACT_OBJECT) ||
                near_is(c, i, lo, hi, 3, 0, "under")) &&
               !violent_context(c, lo, hi, i);
    case SR_LEXE_EVENT_TEST_STATE_OF:
        return i > lo + 1 && sr_tok_is(c, i - 1, "of") && sr_tok_is(c, i - 2, "state");
    case SR_LEXE_EVENT_TEST_BACKGROUND:
        /* "canceled because of protests", "despite months of protests" */
        return near_class(c, i, lo, hi, 4, 0, SR_LEX_EVENTS_BACKGROUND);
    case SR_LEXE_EVENT_TEST_MARKET:
        /* "stocks rallied", "a rally in oil prices" */
        return near_class(c, i, lo, hi, 3, 3, SR_LEX_EVENTS_MARKET);
    case SR_LEXE_EVENT_TEST_MARKET_RALLY:
        /* ... and a politician speaking "at a rally", a "campaign rally" */
        return near_class(c, i, lo, hi, 3, 3, SR_LEX_EVENTS_MARKET) ||
               near_class(c, i, lo, hi, 4, 0, SR_LEX_EVENTS_RALLY_SPEECH);
    default:
        return true; /* '-': no test */
    }
}

/* The sub-event of the first row of table entry `id` whose guard holds and
 * whose veto does not, EV_NONE when none; *plural gets the row's. */
static int trigger_rows(const sr_context *c, sr_lexid id, size_t i, size_t lo, size_t hi, bool *plural)
{
    const int32_t *rows;
    size_t nrows = sr_lex_rows(id, SR_LEX_EVENTS_TRIGGERS, &rows);
    int nc = sr_lex_ncols(SR_LEX_EVENTS_TRIGGERS);
    for (size_t r = 0; r < nrows; r++) {
        const int32_t *row = rows + r * (size_t)nc;
        int32_t guard = row[SR_LEXCOL_EVENTS_TRIGGERS_GUARD], unless = row[SR_LEXCOL_EVENTS_TRIGGERS_UNLESS];
        if ((guard && !test_holds(c, guard, i, lo, hi)) || (unless && test_holds(c, unless, i, lo, hi)))
            continue;
        int32_t sub = row[SR_LEXCOL_EVENTS_TRIGGERS_SUB];
        *plural = row[SR_LEXCOL_EVENTS_TRIGGERS_PLURAL] != 0;
        return sub > 0 && sub < SR_LEXE_EVENT_SUB__COUNT ? sub_of_lex[sub] : EV_NONE;
    }
    return EV_NONE;
}

/* The sub-event a word at i names, or EV_NONE; *len gets how many tokens:
 * the longest phrase of the trigger table at i, else its first word. */
static int trigger_at(const sr_context *c, size_t i, size_t lo, size_t hi, size_t *len, bool *plural)
{
    *len = 1;
    *plural = false;
    if (!sr_tok_word(c, i))
        return EV_NONE;
    sr_lexid id;
    size_t n = sr_tok_phrase(c, i, hi, SR_LEX_EVENTS_TRIGGERS, &id);
    if (n == 0)
        return EV_NONE;
    int sub = trigger_rows(c, id, i, lo, hi, plural);
    if (sub != EV_NONE) {
        *len = n;
        return sub;
    }
    if (n > 1)
        return trigger_rows(c, c->wi[i].lex, i, lo, hi, plural);
    return EV_NONE;
}

/* "the murder of activists", "the kidnapping of stockbreeders", "the
 * killing of security officers and their relatives": a noun of a crime
 * (events.lex crime_noun) whose "of" names a bare plural, with no
 * determiner, figure or name before its head, tells a kind of crime, not
 * one happening. */
static bool generic_victims(const sr_context *c, size_t at, size_t end, size_t hi)
{
    if (end >= hi || !sr_tok_is(c, end, "of") || !sr_tok_class(c, end - 1, SR_LEX_EVENTS_CRIME_NOUN) || end - at != 1)
        return false;
    for (size_t q = end + 1; q < hi && q < end + 4; q++) {
        if (!sr_tok_word(c, q) || c->at[q].figure >= 0 || c->at[q].mention >= 0 || c->at[q].time >= 0 ||
            sr_tok_class(c, q, SR_LEX_FRAME_DETERMINER) || sr_tok_class(c, q, SR_LEX_EVENTS_VICTIM_DET) ||
            (!c->doc->caseless && (c->tok[q].flags & SITREP_TOKF_CAP)))
            return false;
        if (plural_noun(c, q))
            return true;
    }
    return false;
}

/* A plural noun of a happening, without a determiner that makes it one
 * episode ("the twin blasts", "two bombings", "clashes"), is a tally. */
static bool day_dated(const sr_context *c, size_t lo, size_t hi);

static bool plural_happens(const sr_context *c, size_t i, size_t end, size_t lo, size_t hi, int sub)
{
    /* "the murders of the mayor and two councillors": happenings named
     * by their victims; "last night's attacks on two banks": dated to a
     * day */
    /* "the constant bombings of populated areas": a habit, not an episode */
    if (near_class(c, i, lo, hi, 3, 0, SR_LEX_EVENTS_HABITUAL))
        return false;
    if (sr_tok_is(c, end, "of") || day_dated(c, lo, hi))
        return true;
    if (sub == EV_CLASH || sub == EV_AIR || sub == EV_SHELLING || sub == EV_PEACEFUL_PROTEST ||
        sub == EV_VIOLENT_DEMO || sub == EV_ARRESTS)
        return !(i > lo && sr_tok_class(c, i - 1, SR_LEX_EVENTS_POSSESSIVE));
    return i > lo && sr_tok_class(c, i - 1, SR_LEX_EVENTS_EPISODE);
}

/* "Two car bombs went off in Quetta on Monday night": a few
 * happenings counted on one day are happenings, not a tally ("153
 * attacks this year"). */
/* Is a time expression of [lo, hi) a date to the day? */
static bool day_dated(const sr_context *c, size_t lo, size_t hi)
{
    for (size_t k = lo; k < hi; k++) {
        int32_t t = c->at[k].time;
        if (t >= 0 && c->times[t].kind == SR_TIME_DATE && c->times[t].from.year &&
            c->times[t].precision == SR_PREC_DAY)
            return true;
    }
    return false;
}

/* ... or with their dead or wounded: "two bombings wounded six". */
static bool counted_episode(const estate *es, size_t i, size_t lo, size_t hi)
{
    const sr_context *c = es->c;
    int32_t f = c->at[i].measure;
    if (f < 0 || c->figs[f].high > 5)
        return false;
    if (day_dated(c, lo, hi))
        return true;
    for (size_t k = lo; k < hi; k++) {
        int32_t g = c->at[k].figure;
        if (g < 0 || g == f || es->fig_claim[g] < 0)
            continue;
        const char *m = es->claims[es->fig_claim[g]].measure;
        if (strstr(m, "killed") || strstr(m, "injured"))
            return true;
    }
    return false;
}

/* A verb whose figure counts over more than a month is a tally
 * ("arresting 166 between January and June"), not one happening. */
static bool tally_verb(const estate *es, size_t i, size_t hi)
{
    const sr_context *c = es->c;
    for (size_t k = i + 1; k < hi && k < i + 5; k++) {
        int32_t f = c->at[k].figure;
        if (f < 0)
            continue;
        int32_t ci = es->fig_claim[f];
        if (ci < 0)
            return false;
        const sr_claim *cl = &es->claims[ci];
        return cl->from.year && sr_date_to_days(&cl->to) - sr_date_to_days(&cl->from) > 31;
    }
    return false;
}

/* "Violence in Somalia has killed more than 4,000 people", "the war,
 * now in its third year, has displaced millions": a perfect verb whose
 * subject is a war or a kind of violence counts all of it, not one
 * happening. */
static bool cumulative(const sr_context *c, size_t i, size_t lo)
{
    size_t v = i;
    while (v > lo && i - v < 3 && !sr_tok_class(c, v - 1, SR_LEX_EVENTS_PERFECT))
        v--; /* "has also killed", "has now killed" */
    if (v == lo || !sr_tok_class(c, v - 1, SR_LEX_EVENTS_PERFECT))
        return false;
    for (size_t k = v - 1; k-- > lo && v - k < 14;) {
        if (sr_tok_class(c, k, SR_LEX_EVENTS_WHOLE_CONFLICT))
            return true;
        if (c->at[k].figure >= 0)
            return false;
    }
    return false;
}

static bool in_name(const sr_context *c, size_t i)
{
    const sr_entity *e = sr_entity_at(c, i, NULL);
    return e && e->e.kind != SITREP_ENTITY_PLACE;
}

/* ---- the event of one clause ---- */


static void add_actor(sr_event *ev, const char *name)
{
    if (!name)
        return;
    for (size_t k = 0; k < ev->nactors; k++)
        if (strcmp(ev->actors[k], name) == 0)
            return;
    if (ev->nactors < SR_EVENT_ACTORS)
        ev->actors[ev->nactors++] = name;
}

static bool actor_kind(const sr_entity *e)
{
    return e && e->e.kind != SITREP_ENTITY_PLACE && e->e.kind != SITREP_ENTITY_PERSON &&
           e->e.kind != SITREP_ENTITY_MEDIA;
}


/* strcmp(a, b) == 0 for country codes, two letters mostly: no call for
 * them (report_country compares every place's with the codes so far). */
static inline bool same_code(const char *a, const char *b)
{
    return a[0] == b[0] &&
           (a[0] == '\0' || (a[1] == b[1] && (a[1] == '\0' || (a[2] == b[2] && (a[2] == '\0' || strcmp(a + 3, b + 3) == 0)))));
}

/* The capitalised words report_country met lately on this thread, by
 * hash, with the country each names as a demonym ("" none): the answer
 * depends on the word's bytes alone ("The", "He", "Syrian" in report
 * after report).  Direct-mapped; words of up to DEM_LEN bytes; each
 * thread its own (no lock), zeroed when the thread starts (len 0: empty). */
enum { DEM_WORDS = 512, DEM_LEN = 20 };
typedef struct dem_word {
    uint64_t hash;
    uint8_t len;
    char country[3];
    char text[DEM_LEN];
} dem_word;
static _Thread_local dem_word dem_words[DEM_WORDS];

/* The country the report is about: its dateline's, else the one its
 * places name most (a country or a place in it, by mentions); the
 * gazetteer id + 1 and its code in cc, 0 when it names none. */
static uint32_t report_country(const sr_context *c, int32_t dateline, char cc[3], bool *abroad)
{
    const sr_gazetteer *g = sr_gazetteer_get();
    /* its dateline's, unless its text names another country (a place in
     * it, the country, its demonym) more than once and the dateline's not
     * at all ("TOKYO, 7 DEC --" over a report about Colombia); without a
     * dateline, the one its places name most */
    const char *dl = dateline >= 0 ? c->ent[dateline].e.country : NULL;
    const char *code = NULL;
    const char *codes[16];
    uint32_t counts[16];
    size_t n = 0;
    uint32_t best = 0;
    for (size_t e = 0; e < c->nent; e++) {
        const sr_entity *en = &c->ent[e];
        /* an armed group or an army of one country names the conflict the
         * report is about as its places do ("FMLN commander", "the
         * Salvadoran army"); a government is most often a country named
         * as an actor, counted as the place already */
        bool party = en->e.kind == SITREP_ENTITY_ARMED_GROUP || en->e.kind == SITREP_ENTITY_MILITARY;
        if ((en->e.kind != SITREP_ENTITY_PLACE && !party) || !en->e.country || !en->e.country[0])
            continue;
        size_t k = 0;
        while (k < n && !same_code(codes[k], en->e.country))
            k++;
        if (k == n) {
            if (n == 16)
                continue;
            codes[n] = en->e.country;
            counts[n++] = 0;
        }
        counts[k] += en->mentions - ((int32_t)e == dateline ? 1 : 0);
        if (counts[k] > best) {
            best = counts[k];
            code = codes[k];
        }
    }
    /* demonyms count for their country ("Salvadoran attorney general");
     * the words met again ("The", "He", "Salvadoran") are looked up once:
     * `seen` keeps the country each word's key names as a demonym ("" for
     * none) */
    struct {
        uint64_t key;
        char country[3];
    } seen[64];
    memset(seen, 0, sizeof seen);
    /* ... and a word whose very bytes were met, in this report or one
     * before on this thread, is not even keyed again (dem_words) */
    for (size_t i = 0; g && i < c->ntok; i++) {
        if (!(c->tok[i].flags & SITREP_TOKF_CAP) || c->at[i].mention >= 0 || !sr_tok_word(c, i))
            continue;
        const char *ws = c->src + c->tok[i].start;
        size_t wn = c->tok[i].end - c->tok[i].start;
        uint64_t wh = sr_word_hash(ws, wn);
        dem_word *dw = &dem_words[(wh >> 23) & (DEM_WORDS - 1)];
        const char *dem = NULL;
        if (dw->len == wn && dw->hash == wh && memcmp(dw->text, ws, wn) == 0)
            dem = dw->country;
        if (!dem) {
            uint64_t key = sr_namekey_of(ws, wn);
            size_t slot = (size_t)(key % 64);
            if (!key || seen[slot].key != key) {
                uint32_t ids[4];
                size_t m = sr_gaz_lookup(g, key, ids, 4);
                seen[slot].key = key;
                seen[slot].country[0] = '\0';
                for (size_t j = 0; j < m && j < 4; j++) {
                    sr_place p;
                    sr_gaz_place(g, ids[j], &p);
                    if (p.kind == SR_PLACE_DEMONYM && p.country[0]) {
                        memcpy(seen[slot].country, p.country, 3);
                        break;
                    }
                }
            }
            if (wn <= DEM_LEN) {
                dw->hash = wh;
                dw->len = (uint8_t)wn;
                memcpy(dw->text, ws, wn);
                memcpy(dw->country, seen[slot].country, 3);
            }
            dem = seen[slot].country;
        }
        if (!dem[0])
            continue;
        size_t k = 0;
        while (k < n && strcmp(codes[k], dem) != 0)
            k++;
        if (k < n) {
            counts[k]++;
            if (counts[k] > best) {
                best = counts[k];
                code = codes[k];
            }
        } else if (dl && strcmp(dem, dl) == 0 && n < 16) {
            codes[n] = dl; /* a string that outlives this loop */
            counts[n++] = 1;
            if (1 > best) {
                best = 1;
                code = dl;
            }
        }
    }
    /* the dateline's country stands unless the text names another one
     * more than once and it not at all, or names another one many times
     * as often ("MANAGUA, 20 NOV --" over a commentary on killings in El
     * Salvador that names Nicaragua once or twice: events.lex
     * report_country); then the report is filed from abroad */
    *abroad = false;
    if (dl) {
        uint32_t named = 0;
        for (size_t k = 0; k < n; k++)
            if (strcmp(codes[k], dl) == 0)
                named = counts[k];
        if (best < 2 || (named && named * SR_LEXK_EVENTS_REPORT_COUNTRY_OUTNUMBERED > best))
            code = dl;
        else
            *abroad = named > 0;
    }
    if (!g || !code || strlen(code) != 2)
        return 0;
    uint32_t id = sr_gaz_country(g, code);
    if (id == UINT32_MAX)
        return 0;
    memcpy(cc, code, 3);
    return id + 1;
}

/* "Military Forces of Chad", "Police Forces of Chad": ACLED's name for
 * the forces of a state (gazetteer id + 1) that the text names only by a
 * common noun or a demonym ("the army", "Nigerian jets"); NULL when the
 * state is unknown. */
static const char *forces_name(const estate *es, bool police, uint32_t country)
{
    const sr_gazetteer *g = sr_gazetteer_get();
    if (!g || !country || !es->arena)
        return NULL;
    sr_place p;
    sr_gaz_place(g, country - 1, &p);
    char buf[200];
    int n = snprintf(buf, sizeof buf, "%s Forces of %s", police ? "Police" : "Military", p.name);
    return n > 0 && (size_t)n < sizeof buf ? sr_arena_strndup(es->arena, buf, (size_t)n) : NULL;
}

/* "Nigerian jets killed ...", "Somali troops repelled ...": a demonym
 * (not a place, so no entity) before a word for a state's forces, in the
 * subject before the trigger at `at`, names the country as "US troops"
 * does; its gazetteer id + 1, or 0; *police when the forces are police. */
static uint32_t state_forces_of(const sr_context *c, size_t lo, size_t at, bool *police)
{
    const sr_gazetteer *g = sr_gazetteer_get();
    if (!g)
        return 0;
    for (size_t k = at; k > lo && at - k < 10;) {
        k--;
        if (sr_tok_char(c, k, ',') || sr_tok_char(c, k, ';'))
            return 0;
        if (!(c->tok[k].flags & SITREP_TOKF_CAP) || c->at[k].mention >= 0 || !sr_tok_class(c, k + 1, SR_LEX_EVENTS_STATE_FORCES))
            continue;
        if (k > lo && sr_tok_class(c, k - 1, SR_LEX_EVENTS_TARGET_PREP))
            continue; /* "an attack on Nigerian troops": the target */
        uint32_t ids[4];
        size_t n = sr_gaz_lookup(g, sr_namekey_of(c->src + c->tok[k].start, c->tok[k].end - c->tok[k].start),
                                 ids, 4);
        for (size_t j = 0; j < n && j < 4; j++) {
            sr_place p;
            sr_gaz_place(g, ids[j], &p);
            if (p.kind != SR_PLACE_DEMONYM)
                continue;
            uint32_t country = sr_gaz_country(g, p.country);
            if (country == UINT32_MAX)
                return 0;
            *police = sr_tok_class(c, k + 1, SR_LEX_EVENTS_POLICE_NOUN);
            return country + 1;
        }
    }
    return 0;
}

/* Is the clause [lo, hi) hedged about who did it: "suspected rebels",
 * "presumably", "allegedly", "believed to be"? */
static bool hedged(const sr_context *c, size_t lo, size_t hi)
{
    for (size_t k = lo; k < hi; k++)
        if (sr_tok_class(c, k, SR_LEX_EVENTS_SUSPICION))
            return true;
    return false;
}

/* The first actor (not a place, person or outlet) named in [from, to),
 * -1 when none. */
static int32_t actor_in(const sr_context *c, size_t from, size_t to)
{
    for (size_t q = from; q < to; q++) {
        int32_t e;
        if (actor_kind(sr_entity_at(c, q, &e)))
            return e;
    }
    return -1;
}

/* Who is blamed in [lo, hi): "blamed the attack on X" (the last "on X"),
 * "attributed it to X", "accused X of"; -1 when nobody. */
static int32_t blamed(const sr_context *c, size_t lo, size_t hi)
{
    for (size_t k = lo; k < hi; k++) {
        if (!sr_tok_class(c, k, SR_LEX_EVENTS_BLAME))
            continue;
        int32_t who = -1;
        for (size_t q = k + 1; q + 1 < hi; q++)
            if (sr_tok_class(c, q, SR_LEX_EVENTS_BLAME_PREP)) {
                size_t r = sr_tok_is(c, q + 1, "the") ? q + 2 : q + 1;
                int32_t e;
                if (actor_kind(sr_entity_at(c, r, &e)))
                    who = e;
            }
        if (who < 0 && sr_tok_class(c, k, SR_LEX_EVENTS_ACCUSE))
            who = actor_in(c, k + 1, hi < k + 5 ? hi : k + 5); /* "accused the FMLN of" */
        if (who >= 0)
            return who;
    }
    return -1;
}

/* Who claimed [lo, hi) or took credit for it: the actor after "claimed
 * by", else before the verb ("the group", the armed group named most);
 * -1 when nobody. */
static int32_t claimed_by(const estate *es, size_t lo, size_t hi)
{
    const sr_context *c = es->c;
    for (size_t k = lo; k < hi; k++) {
        if (!sr_tok_phrase(c, k, hi, SR_LEX_EVENTS_CLAIM, NULL))
            continue;
        if (sr_tok_is(c, k + 1, "by")) {
            int32_t e = actor_in(c, k + 2, hi < k + 6 ? hi : k + 6);
            if (e >= 0)
                return e;
        }
        for (size_t q = k; q > lo && k - q < 6; q--) {
            int32_t e;
            if (actor_kind(sr_entity_at(c, q - 1, &e)))
                return e;
            if (sr_tok_is(c, q - 1, "group") && sr_tok_is(c, q - 2, "the"))
                return es->dominant;
        }
    }
    return -1;
}

/* Where the state's forces named by a common noun start at token k, past
 * an article and up to three words of a name ("the Salvadoran army", "a
 * military patrol"); hi when they are not named there. */
/* "the Army of National Liberation", "Armed Forces of Liberation": a force
 * noun at k (n words) followed by "of" and no place is a group's name,
 * not the state's forces ("the army of El Salvador" is). */
static bool force_name(const sr_context *c, size_t k, size_t n, size_t hi)
{
    size_t q = k + (n ? n : 1);
    if (q + 1 >= hi || !sr_tok_is(c, q, "of") || sr_tok_is(c, q + 1, "the"))
        return false;
    /* "accused the army of killing": what it did, not a name */
    const sitrep_token *w = &c->tok[q + 1];
    if (sr_tok_flag(c, q + 1, SR_WI_EVENT) ||
        (w->end - w->start > 4 && (c->src[w->end - 3] | 0x20) == 'i' && (c->src[w->end - 2] | 0x20) == 'n' &&
         (c->src[w->end - 1] | 0x20) == 'g') ||
        sr_wordset_has(&sr_function_words, c->src + w->start, w->end - w->start))
        return false;
    const sr_entity *en = sr_entity_at(c, q + 1, NULL);
    return sr_tok_word(c, q + 1) && !(en && en->e.kind == SITREP_ENTITY_PLACE);
}

static size_t forces_after(const sr_context *c, size_t k, size_t hi)
{
    size_t q = k;
    while (q < hi && q < k + 4 && (sr_tok_is(c, q, "the") || sr_tok_is(c, q, "a") ||
                                   (sr_tok_word(c, q) && (c->tok[q].flags & SITREP_TOKF_CAP) &&
                                    !sr_tok_class(c, q, SR_LEX_EVENTS_BY_FORCES))))
        q++;
    size_t n = q < hi ? sr_tok_phrase(c, q, hi, SR_LEX_EVENTS_BY_FORCES, NULL) : 0;
    return n && !force_name(c, q, n, hi) ? q : hi;
}

/* Is the "of" at token k that of a force's members or part ("members of
 * the army", "a column of guerrillas")? */
static bool members_of(const sr_context *c, size_t k, size_t lo)
{
    return sr_tok_is(c, k, "of") && k > lo && sr_tok_class(c, k - 1, SR_LEX_EVENTS_MEMBER_NOUN);
}

/* The perpetrator: who claimed it or took credit, the subject before the
 * trigger, who is blamed, or "by X" after it; *conf gets how the report
 * ties it (SR_PERP_*). */
static int32_t perpetrator(const estate *es, size_t lo, size_t hi, size_t at, int32_t *second, uint8_t *conf,
                           int *forces)
{
    const sr_context *c = es->c;
    int32_t who = claimed_by(es, lo, hi);
    if (who >= 0) {
        *conf = SR_PERP_CLAIMED;
        return who;
    }
    who = blamed(c, lo, hi);
    if (who >= 0) {
        *conf = SR_PERP_ACCUSED;
        return who;
    }
    /* "accused the air force of bombing", "blamed the army for": the
     * state's forces named by a common noun */
    for (size_t k = lo; k < hi && forces; k++) {
        if (!sr_tok_class(c, k, SR_LEX_EVENTS_BLAME))
            continue;
        size_t q = forces_after(c, k + 1, hi);
        if (q < hi) {
            *forces = sr_tok_class(c, q, SR_LEX_EVENTS_POLICE_NOUN) ? 2 : 1;
            *conf = SR_PERP_ACCUSED;
            return -1;
        }
    }
    *conf = hedged(c, lo, hi) ? SR_PERP_SUSPECTED : SR_PERP_REPORTED;
    /* "was attacked by X": the subject is what was hit */
    bool passive = at > lo && sr_tok_class(c, at - 1, SR_LEX_EVENTS_BE_PASSIVE);
    bool spoken = false; /* past a speech verb: "police said gunmen ..." */
    size_t from = at; /* where the 14-word reach counts from */
    for (size_t k = at; k > lo && from - k < 14 && !passive;) {
        k--;
        int32_t e;
        const sr_entity *en = sr_entity_at(c, k, &e);
        if (actor_kind(en)) {
            size_t f = sr_mention_first(c, k);
            /* "X, which is linked to al-Qaeda, said": a group named as
             * another's ally or backer is not the subject */
            if (sr_allied_at(c, lo, f)) {
                k = f;
                continue;
            }
            if (f > lo && (sr_tok_class(c, f - 1, SR_LEX_EVENTS_AIMED_AT) ||
                           (sr_tok_is(c, f - 1, "of") && !members_of(c, f - 1, lo))))
                break;
            /* "ELN guerrillas and FARC dissidents fought": the first named */
            if (f > lo + 1 && sr_tok_is(c, f - 1, "and")) {
                for (size_t q = f - 1; q > lo && f - q < 4; q--) {
                    int32_t e2;
                    if (actor_kind(sr_entity_at(c, q - 1, &e2))) {
                        *second = e;
                        return e2;
                    }
                }
            }
            return e;
        }
        if (en && sr_entity_is_country(en) && at - k <= 2 && !sr_tok_class(c, sr_mention_first(c, k) - 1, SR_LEX_EVENTS_PLACE_PREP)) {
            /* "U.S. retaliatory strikes", "US strikes": the country's */
            bool modifier = true;
            for (size_t q = k + 1; q < at; q++)
                modifier &= sr_tok_word(c, q) && !(c->tok[q].flags & SITREP_TOKF_CAP);
            if (modifier)
                return e;
        }
        if (en && sr_entity_is_country(en)) {
            /* "US special forces killed ...", "Turkish jets struck" */
            if (sr_tok_class(c, k + 1, SR_LEX_EVENTS_STATE_FORCES))
                return e;
        }
        if (sr_tok_class(c, k, SR_LEX_EVENTS_GROUP_NOUN) &&
            k > lo && sr_tok_is(c, k - 1, "the"))
            return es->dominant;
        /* past a speech or blame verb: "police attributed the bombing to" */
        spoken |= sr_tok_flag(c, k, SR_WI_SPEECH) || sr_tok_class(c, k, SR_LEX_EVENTS_BLAME);
        /* "troops sealed off the market and, after searching the
         * stalls, shot three traders": the aside is not the trigger's
         * clause; the verbs joined by "and" share the subject before the
         * first */
        if (sr_tok_class(c, k, SR_LEX_EVENTS_SUBORDINATOR) && k >= lo + 2 && sr_tok_char(c, k - 1, ',') &&
            sr_tok_class(c, k - 2, SR_LEX_EVENTS_COORDINATOR)) {
            bool closed = false;
            for (size_t q = k + 1; q < at && !closed; q++)
                closed = sr_tok_char(c, q, ',');
            if (closed) {
                k -= 2;
                from = k;
                continue;
            }
        }
        /* "gunmen attacked": the doers are unnamed; "... when gunmen": the
         * subordinate clause's subject is the doer, nothing before it */
        if ((sr_tok_class(c, k, SR_LEX_EVENTS_ATTACKER) && !(k > lo && actor_kind(sr_entity_at(c, k - 1, NULL)))) ||
            sr_tok_class(c, k, SR_LEX_EVENTS_SUBORDINATOR))
            break;
        /* "soldiers opened fire", "the army bombed": the state's forces,
         * unless they are what was hit ("an attack on soldiers", "an army
         * post", "soldiers were wounded"), the speaker ("the army said")
         * or a named force's ("Nigerian Army troops": its name, read on) */
        if (sr_tok_class(c, k, SR_LEX_EVENTS_FORCE_NOUN) && !en && !spoken && forces && !force_name(c, k, 1, hi)) {
            size_t f = k;
            bool named = false;
            while (f > lo && k - f < 3 && (sr_tok_is(c, f - 1, "the") || (c->tok[f - 1].flags & SITREP_TOKF_CAP) ||
                                           sr_tok_class(c, f - 1, SR_LEX_EVENTS_FORCE_NOUN))) {
                named |= actor_kind(sr_entity_at(c, f - 1, NULL));
                f--;
            }
            if (named)
                continue;
            bool object = false; /* "killed 11 soldiers in a raid" */
            for (size_t q = lo; q < f && !object; q++)
                object = sr_tok_flag(c, q, SR_WI_EVENT) || c->at[q].figure >= 0;
            if (object ||
                (f > lo && ((sr_tok_class(c, f - 1, SR_LEX_EVENTS_TARGET_PREP) && !members_of(c, f - 1, lo)) ||
                            (sr_tok_is(c, f - 1, "of") && !members_of(c, f - 1, lo)))) ||
                sr_tok_class(c, k + 1, SR_LEX_EVENTS_MILITARY_TARGET) || sr_tok_class(c, k + 1, SR_LEX_EVENTS_BE_PASSIVE))
                break;
            *forces = sr_tok_class(c, k, SR_LEX_EVENTS_POLICE_NOUN) ? 2 : 1;
            return -1;
        }
        if (sr_tok_char(c, k, ';'))
            break;
    }
    for (size_t k = at; k + 1 < hi && k < at + 8; k++)
        if (sr_tok_is(c, k, "by")) {
            who = actor_in(c, k + 1, hi < k + 6 ? hi : k + 6);
            if (who >= 0)
                return who;
            /* "bombed by the air force", "shot by a Salvadoran army
             * patrol": the state's forces */
            size_t q = forces_after(c, k + 1, hi);
            if (forces && q < hi) {
                *forces = sr_tok_class(c, q, SR_LEX_EVENTS_POLICE_NOUN) ? 2 : 1;
                return -1;
            }
        }
    /* "the murder of six priests, carried out in the capital on 16
     * November by an army unit": the agent of a doer's verb (doer_cue)
     * later in the trigger's clause, however far its place and day push
     * it from the trigger */
    for (size_t k = at + 1; k < hi && k < at + 20; k++) {
        if (sr_tok_char(c, k, ';') || sr_clause_break(c, k) || sr_tok_flag(c, k, SR_WI_EVENT))
            break;
        size_t n = sr_tok_phrase(c, k, hi, SR_LEX_EVENTS_DOER_CUE, NULL);
        if (!n)
            continue;
        for (size_t b = k + n; b + 1 < hi && b < k + n + 12; b++) {
            if (sr_tok_char(c, b, ',') || sr_tok_char(c, b, ';') || sr_clause_break(c, b))
                break;
            if (!sr_tok_is(c, b, "by"))
                continue;
            who = actor_in(c, b + 1, hi < b + 6 ? hi : b + 6);
            if (who >= 0) {
                *conf = hedged(c, lo, hi) ? SR_PERP_SUSPECTED : SR_PERP_REPORTED;
                return who;
            }
            size_t q = forces_after(c, b + 1, hi);
            if (forces && q < hi) {
                *forces = sr_tok_class(c, q, SR_LEX_EVENTS_POLICE_NOUN) ? 2 : 1;
                return -1;
            }
            break;
        }
        break;
    }
    return -1;
}

static int place_rank(const sr_entity *e)
{
    if (!e->e.feature)
        return 2;
    if (strcmp(e->e.feature, "country") == 0)
        return 1;
    if (strcmp(e->e.feature, "ADM1") == 0 ||
        sr_lex_in(sr_lex_find(e->e.feature, strlen(e->e.feature)), SR_LEX_EVENTS_AREA_FEATURE))
        return 2;
    return 3;
}

/* Sums a list of victims ending at the figure whose claim says killed
 * (true when a figure of the span was a tally, left out):
 * "five victims, a police officer, and three perpetrators dead". */
static bool casualties(const estate *es, size_t lo, size_t hi, sr_event *ev)
{
    bool tally = false;
    const sr_context *c = es->c;
    for (size_t i = lo; i < hi; i++) {
        int32_t f = c->at[i].figure;
        if (f < 0)
            continue;
        while (i + 1 < hi && c->at[i + 1].figure == f)
            i++;
        int32_t ci = es->fig_claim[f];
        if (ci < 0)
            continue;
        const sr_claim *cl = &es->claims[ci];
        bool killed = strstr(cl->measure, "killed") != NULL || strstr(cl->measure, "executed") != NULL;
        bool injured = strstr(cl->measure, "injured") != NULL;
        /* "twelve bodies were found": the dead, whatever the verb */
        if (!killed && !injured && c->figs[f].measure_end > c->figs[f].measure_start &&
            strstr(cl->measure, "missing") == NULL) {
            size_t a = sr_context_token_at(c, c->figs[f].measure_start);
            size_t b = sr_context_token_at(c, c->figs[f].measure_end - 1);
            for (size_t q = a; q <= b && q < hi && !killed; q++)
                killed = sr_tok_class(c, q, SR_LEX_EVENTS_DEAD_NOUN);
        }
        if (!killed && !injured)
            continue;
        /* "40 have been killed in the region this month", "the war has
         * cost 9,000 lives since 2011": a tally over a period longer than
         * a month, or running up to the report's day over more than a
         * week (a happening "in early January" is no tally), ... */
        if (cl->from.year && cl->to.year) {
            long span = sr_date_to_days(&cl->to) - sr_date_to_days(&cl->from);
            bool running = es->anchor.year && sr_date_to_days(&cl->to) >= sr_date_to_days(&es->anchor);
            /* ... told in the perfect ("have died", "has killed"): "killed
             * 19 in one of the deadliest raids this winter" is a happening */
            size_t a = sr_context_token_at(c, c->figs[f].start);
            size_t b = c->figs[f].measure_end > c->figs[f].measure_start
                           ? sr_context_token_at(c, c->figs[f].measure_end - 1) + 1
                           : i + 1;
            bool perfect = false;
            for (size_t q = a > lo + 6 ? a - 6 : lo; q < hi && q < b + 3 && !perfect; q++)
                perfect = sr_tok_class(c, q, SR_LEX_EVENTS_PERFECT);
            if (perfect && (span > SR_LEXK_EVENTS_HORIZON_TALLY_SPAN ||
                            (running && span > SR_LEXK_EVENTS_HORIZON_RUNNING_SPAN))) {
                tally = true;
                continue;
            }
        }
        /* "11 people, including two children", "among them 3 soldiers":
         * a part of a toll counted already */
        if (sr_part_of_whole(c, lo, sr_context_token_at(c, c->figs[f].start)))
            continue;
        /* "fired a dozen shots, killing him": the figure counts a thing */
        if (c->figs[f].measure_end > c->figs[f].measure_start &&
            sr_tok_class(c, sr_context_token_at(c, c->figs[f].measure_end) - 1, SR_LEX_EVENTS_NOT_VICTIM))
            continue;
        /* "the injury of nine workers and hundreds in repair costs": a figure of
         * no noun of its own that counts a loss, not its coordinate's noun */
        if (c->figs[f].measure_end <= c->figs[f].measure_start && sr_tok_is(c, i + 1, "in") &&
            sr_tok_word(c, i + 2) && c->at[i + 2].mention < 0 &&
            !sr_wordset_has(&sr_function_words, c->src + c->tok[i + 2].start, c->tok[i + 2].end - c->tok[i + 2].start))
            continue;
        double lo_v = c->figs[f].low, hi_v = c->figs[f].high;
        uint8_t q = c->figs[f].qualifier;
        /* a list before it: ", a police officer, and five victims" */
        const sr_figure *fg = &c->figs[f];
        bool dead_after = fg->measure_end > fg->measure_start &&
                          (sr_tok_class(c, sr_context_token_at(c, fg->measure_end) - 1, SR_LEX_EVENTS_DEAD_STATE) ||
                           sr_tok_is(c, sr_context_token_at(c, fg->measure_end) - 1, "killed"));
        if (dead_after) {
            size_t k = sr_context_token_at(c, fg->start);
            while (k > lo) {
                size_t j = k;
                while (j > lo && (sr_tok_char(c, j - 1, ',') || sr_tok_is(c, j - 1, "and")))
                    j--;
                if (j == k || j == lo)
                    break;
                /* the item ending at j - 1 */
                size_t e = j - 1;
                int32_t g = c->at[e].figure >= 0 ? c->at[e].figure : c->at[e].measure;
                if (g >= 0 && g != f) {
                    lo_v += c->figs[g].low;
                    hi_v += c->figs[g].high;
                    if (c->figs[g].qualifier != SR_Q_EXACT)
                        q = c->figs[g].qualifier;
                    k = sr_context_token_at(c, c->figs[g].start);
                    continue;
                }
                /* "a law enforcement officer": one */
                size_t b = e;
                while (b > lo && b + 5 > e && sr_tok_word(c, b - 1) && !sr_tok_class(c, b - 1, SR_LEX_EVENTS_ONE_WORD))
                    b--;
                if (b > lo && sr_tok_class(c, b - 1, SR_LEX_EVENTS_ONE_WORD)) {
                    lo_v += 1;
                    hi_v += 1;
                    k = b - 1;
                    continue;
                }
                break;
            }
        }
        /* separate counts of dead add up ("killing 7 patients ... killed
         * the 3 attackers"); a toll restates them ("the toll rose to 21") */
        bool toll = false;
        for (size_t k = sr_context_token_at(c, fg->start); k > lo && k + 4 > sr_context_token_at(c, fg->start); k--)
            toll |= sr_tok_class(c, k - 1, SR_LEX_EVENTS_TOLL);
        double *low = killed ? &ev->fat_low : &ev->inj_low, *high = killed ? &ev->fat_high : &ev->inj_high;
        uint8_t *qual = killed ? &ev->fat_q : &ev->inj_q;
        if (!*qual) {
            *low = lo_v;
            *high = hi_v;
            *qual = q;
        } else if (toll) {
            if (lo_v > *low) {
                *low = lo_v;
                *high = hi_v;
                *qual = q;
            }
        } else {
            *low += lo_v;
            *high += hi_v;
            if (q != SR_Q_EXACT)
                *qual = q;
        }
    }
    return tally;
}

/* Is token k a dash ("-", "--", an en or em dash)? */
static bool dash_at(const sr_context *c, size_t k)
{
    if (k >= c->ntok || c->tok[k].end <= c->tok[k].start)
        return false;
    const char *w = c->src + c->tok[k].start;
    size_t n = c->tok[k].end - c->tok[k].start;
    if (n == 3 && (unsigned char)w[0] == 0xE2 && (unsigned char)w[1] == 0x80 &&
        ((unsigned char)w[2] == 0x93 || (unsigned char)w[2] == 0x94))
        return true;
    for (size_t i = 0; i < n; i++)
        if (w[i] != '-')
            return false;
    return true;
}

/* The end of an aside between dashes opening at token k ("four nurses --
 * three Germans and a Dane -- and two drivers"): the token after its
 * closing dash, or k when no dash closes one within a few words. */
static size_t dash_aside_end(const sr_context *c, size_t k, size_t hi)
{
    if (!dash_at(c, k))
        return k;
    size_t q = k;
    while (q < hi && dash_at(c, q))
        q++;
    for (size_t open = q; q < hi && q < open + 12; q++) {
        if (sr_tok_char(c, q, ';') || sr_tok_char(c, q, '.'))
            break;
        if (dash_at(c, q)) {
            while (q < hi && dash_at(c, q))
                q++;
            return q;
        }
    }
    return k;
}

/* The end of a person's name at token k: the end of the person
 * entity's mention there (the names stage finds people from their
 * evidence: titles, roles, given names, coordination with other names),
 * or k when there is none. */
static size_t name_end(const sr_context *c, size_t k, size_t hi)
{
    const sr_entity *en = sr_entity_at(c, k, NULL);
    if (en == NULL || en->e.kind != SITREP_ENTITY_PERSON)
        return k;
    int32_t m = c->at[k].mention;
    size_t e = k;
    while (e < hi && c->at[e].mention == m)
        e++;
    return e;
}

/* An apposition after a person's name opening at token k, up to the
 * comma or semicolon that closes it: an age ("45", "20 years old"), or a
 * noun phrase that is no new item ("leader of the party", "a member of
 * the union" when a name follows the closing comma); the closing
 * punctuation's token, or k when there is none. */
static size_t apposition_end(const sr_context *c, size_t k, size_t hi)
{
    if (k >= hi || name_end(c, k, hi) > k || sr_tok_is(c, k, "and"))
        return k;
    bool age = c->at[k].figure >= 0 || c->tok[k].kind == SITREP_TOK_NUMBER;
    bool det = sr_tok_class(c, k, SR_LEX_EVENTS_ONE_WORD) || sr_tok_class(c, k, SR_LEX_EVENTS_VICTIM_DET);
    if (!age && !det && !sr_tok_word(c, k))
        return k;
    size_t limit = age ? 4 : 16;
    for (size_t q = k + 1; q < hi && q < k + limit; q++) {
        if (sr_tok_char(c, q, ',') || sr_tok_char(c, q, ';')) {
            if (!det)
                return q;
            /* "X, a teacher, and Y": only where a name follows */
            size_t r = q + 1;
            if (sr_tok_is(c, r, "and"))
                r++;
            for (size_t w = r; w < hi && w < r + 4; w++)
                if (name_end(c, w, hi) > w)
                    return q;
            return k;
        }
        if (sr_tok_char(c, q, '.') || sr_tok_char(c, q, ':') || sr_tok_flag(c, q, SR_WI_EVENT) ||
            (age && (c->at[q].figure >= 0 || c->tok[q].kind == SITREP_TOK_NUMBER) && c->at[q].figure != c->at[k].figure))
            return k;
    }
    return k;
}

/* The dead a lethal verb or noun names after it, from token k: "killed
 * a teacher, a nurse and a shopkeeper" (3), "the assassination of the
 * judge and his bodyguard" (2), "the massacre of 12 herders" (12),
 * "killed two journalists, A and B" (2: the names are the journalists); 0
 * when it names nobody.  An item is a figure, "a"/"an"/"one"/"the" or a
 * possessive with its noun, or a person's name; items are joined by
 * commas and "and"; a preposition, a verb or a clause break ends the
 * list. */
static double victims_list(const sr_context *c, size_t k, size_t hi, size_t *stop, size_t *nitems, bool *told);
static double victims_after(const sr_context *c, size_t k, size_t hi, bool *told)
{
    return victims_list(c, k, hi, NULL, NULL, told);
}

/* How many a definite plural at token k ("the priests", "their
 * bodyguards") stands for when the article counted that noun before: the
 * nearest exact figure ending before k whose counted words hold the same
 * word ("the six Jesuit priests ... the priests were murdered" is 6); 0
 * when none did. */
static double counted_before(const sr_context *c, size_t k)
{
    if (!plural_noun(c, k))
        return 0;
    const char *w = c->src + c->tok[k].start;
    size_t n = c->tok[k].end - c->tok[k].start;
    /* the figures ending before k (they are in text order), the nearest
     * few of them: a bounded search per noun */
    size_t lo = 0, hi = c->nfigs;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c->figs[mid].end <= c->tok[k].start)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t f = lo; f > 0 && lo - f < 32;) {
        const sr_figure *fg = &c->figs[--f];
        if (fg->end > c->tok[k].start || fg->measure_end <= fg->measure_start)
            continue;
        if (fg->qualifier != SR_Q_EXACT || fg->low < 2 || fg->low != fg->high || fg->unit[0])
            continue;
        size_t a = sr_context_token_at(c, fg->measure_start), b = sr_context_token_at(c, fg->measure_end - 1);
        for (size_t q = a; q <= b && q < c->ntok; q++) {
            bool same = c->tok[q].end - c->tok[q].start == n;
            for (size_t i = 0; same && i < n; i++)
                same = (c->src[c->tok[q].start + i] | 0x20) == (w[i] | 0x20);
            if (same)
                return fg->low;
        }
    }
    return 0;
}

/* victims_after, where the list stopped (*stop) and how many items it
 * has (*nitems); with stop, an item of "the"/"his" and a plural noun
 * ("their children") counts nobody: its number is not said, unless the
 * article counted it before (counted_before; then *told is set) */
static double victims_list(const sr_context *c, size_t k, size_t hi, size_t *stop, size_t *nitems, bool *told_out)
{
    if (told_out)
        *told_out = false;
    double n = 0;
    size_t items = 0;
    bool untold = false;
    bool named = false; /* the last item was a figure: names after it are its victims */
    bool det = false;    /* the item opened with "the", "his" ... */
    bool joined = true;  /* the item is the first or follows "and" */
    bool person = false; /* the item is a person's name */
    double sure = 0;     /* the count up to the last such item */
    size_t sure_items = 0;
    if (sr_tok_is(c, k, "of"))
        k++;
    while (k < hi && items < 12) {
        /* a title before a name: "Dr X", "Senator X", "opposition leader X",
         * "Guatemalan social democratic leader X" (up to four words) */
        for (size_t w = 1; w <= 4 && k + w < hi; w++) {
            const sr_entity *nx = sr_entity_at(c, k + w, NULL);
            size_t q = k;
            while (q < k + w && sr_tok_word(c, q) &&
                   (c->at[q].mention < 0 || sr_entity_at(c, q, NULL)->e.kind == SITREP_ENTITY_NATIONALITY) &&
                   c->at[q].figure < 0 &&
                   !sr_tok_class(c, q, SR_LEX_EVENTS_ONE_WORD) && !sr_tok_class(c, q, SR_LEX_EVENTS_VICTIM_DET) &&
                   !sr_tok_is(c, q, "and") &&
                   !sr_wordset_has(&sr_function_words, c->src + c->tok[q].start, c->tok[q].end - c->tok[q].start))
                q++;
            if (q == k + w && nx && nx->e.kind == SITREP_ENTITY_PERSON) {
                k += w;
                break;
            }
            if (q < k + w)
                break;
        }
        int32_t f = c->at[k].figure;
        const sr_entity *en = sr_entity_at(c, k, NULL);
        person = false;
        if (f >= 0) {
            n += c->figs[f].low;
            while (k < hi && c->at[k].figure == f)
                k++;
            named = true;
        } else if (en && en->e.kind == SITREP_ENTITY_PERSON) {
            if (!named)
                n += 1;
            k = sr_mention_first(c, k);
            int32_t m = c->at[k].mention;
            while (k < hi && c->at[k].mention == m)
                k++;
            person = true;
        } else if (sr_tok_class(c, k, SR_LEX_EVENTS_ONE_WORD) || sr_tok_class(c, k, SR_LEX_EVENTS_VICTIM_DET)) {
            if (!sr_tok_class(c, k, SR_LEX_EVENTS_ONE_WORD) && k + 1 < hi && c->at[k + 1].figure >= 0) {
                k++;
                continue; /* "the 3 guards", "his two bodyguards" */
            }
            /* "an unspecified number", "a large number of": how many is
             * not said */
            if (sr_tok_class(c, k + 1, SR_LEX_FIGURES_COUNT_NOUN) ||
                (k + 2 < hi && sr_tok_class(c, k + 2, SR_LEX_FIGURES_COUNT_NOUN))) {
                n = 0;
                items = 0;
                break;
            }
            det = !sr_tok_class(c, k, SR_LEX_EVENTS_ONE_WORD);
            n += 1;
            named = false;
            k++;
            /* "one of the cooks": one, whatever follows "of" */
            if (sr_tok_is(c, k - 1, "one") && sr_tok_is(c, k, "of") && k + 1 < hi &&
                (sr_tok_class(c, k + 1, SR_LEX_EVENTS_VICTIM_DET) || c->at[k + 1].figure < 0))
                k += sr_tok_class(c, k + 1, SR_LEX_EVENTS_VICTIM_DET) ? 2 : 1;
        } else if (!items && sr_tok_class(c, k, SR_LEX_EVENTS_ONE_PRONOUN)) {
            /* "fired 13 shots, killing him instantly": one person */
            n += 1;
            named = false;
            k++;
        } else if (items && joined && sr_tok_is(c, k - 1, "and") && sr_tok_class(c, k, SR_LEX_EVENTS_PERSON_OBJECT) &&
                   (c->src[c->tok[k].end - 1] | 0x20) != 's') {
            /* "his bodyguard and driver": a singular noun after "and"
             * shares the item's determiner */
            n += 1;
            named = false;
        } else {
            break;
        }
        items++;
        /* "X's son": the name owns the item's noun, it is not the victim */
        if (person && k > 0 &&
            ((c->wi[k - 1].flags & (SR_WI_POSS2 | SR_WI_POSS4)) ||
             (sr_tok_char(c, k, '\'') && sr_tok_is(c, k + 1, "s")))) {
            if (!(c->wi[k - 1].flags & (SR_WI_POSS2 | SR_WI_POSS4)))
                k += 2;
            person = false;
        }
        /* an item joined by a comma belongs to the list only once an "and"
         * closes it: "the mayor, the 40 judges of the court" lists nobody more */
        if (joined) {
            sure = n;
            sure_items = items;
        }
        /* the rest of the item's noun phrase ("a retired army colonel",
         * "five other priests") */
        if (sr_tok_class(c, k, SR_LEX_FIGURES_MEASURE_SKIP))
            k++;
        size_t rest = k;
        while (k < hi && sr_tok_word(c, k) && !sr_tok_is(c, k, "and") && !sr_tok_flag(c, k, SR_WI_EVENT) &&
               !sr_wordset_has(&sr_function_words, c->src + c->tok[k].start, c->tok[k].end - c->tok[k].start) &&
               c->at[k].time < 0 && !(c->at[k].mention >= 0 && sr_entity_at(c, k, NULL)->e.kind == SITREP_ENTITY_PLACE))
            k++;
        if (det && k > rest) {
            const char *w = c->src + c->tok[k - 1].start;
            size_t wn = c->tok[k - 1].end - c->tok[k - 1].start;
            bool plural = wn > 3 && (w[wn - 1] | 0x20) == 's' && (w[wn - 2] | 0x20) != 's';
            double told = plural ? counted_before(c, k - 1) : 0;
            if (told > 0) {
                n += told - 1; /* "the priests", counted before */
                if (joined)
                    sure = n;
                if (told_out)
                    *told_out = true;
            } else
                untold |= plural;
        }
        /* "the mayor of the small town of X", "the governor of Antioquia":
         * the item's "of" phrases (two at most) */
        for (int hop = 0; hop < 2 && k + 1 < hi && sr_tok_is(c, k, "of"); hop++) {
            size_t q = k + 1;
            if (sr_tok_class(c, q, SR_LEX_FIGURES_MEASURE_DET) || sr_tok_class(c, q, SR_LEX_EVENTS_ONE_WORD))
                q++;
            size_t w0 = q;
            while (q < hi && sr_tok_word(c, q) && !sr_tok_is(c, q, "and") && !sr_tok_flag(c, q, SR_WI_EVENT) &&
                   c->at[q].time < 0 && c->at[q].figure < 0 &&
                   (c->at[q].mention >= 0 ||
                    !sr_wordset_has(&sr_function_words, c->src + c->tok[q].start, c->tok[q].end - c->tok[q].start)))
                q++;
            if (q == w0)
                break;
            k = q;
        }
        det = false;
        /* "four nurses -- three Germans and a Dane -- and ...": the
         * aside restates the item */
        k = dash_aside_end(c, k, hi);
        if (k >= hi)
            break;
        /* items are parted by commas, or by semicolons where an item
         * holds commas of its own ("X, the mayor; Y; and Z") */
        bool comma = sr_tok_char(c, k, ',') || sr_tok_char(c, k, ';');
        if (comma)
            k++;
        /* "X, 45, and Y", "X, leader of the party, and Y": an apposition
         * after a name restates the person */
        if (comma && person) {
            /* "X, 21, leader of the youth league, and Y": one or two */
            for (int a = 0; a < 2; a++) {
                size_t e = apposition_end(c, k, hi);
                if (e == k)
                    break;
                k = e + 1;
            }
        }
        /* "his bodyguard, Ali Musa": a name after a comma restates */
        else if (comma && !named) {
            size_t e = name_end(c, k, hi);
            if (e > k) {
                k = e;
                if (sr_tok_char(c, k, ',') || sr_tok_char(c, k, ';'))
                    k++;
                else if (!sr_tok_is(c, k, "and"))
                    break;
            }
        }
        joined = true;
        if (sr_tok_is(c, k, "and"))
            k++;
        else if (sr_tok_is(c, k, "as") && sr_tok_is(c, k + 1, "well") && sr_tok_is(c, k + 2, "as"))
            k += 3; /* "the mayor, as well as two farmers" */
        else if (!comma)
            break;
        else
            joined = false;
    }
    n = sure;
    items = sure_items;
    if (nitems)
        *nitems = items;
    if (stop) {
        *stop = k;
        if (untold)
            return 0;
    }
    return n;
}

/* "shot dead", "shot to death" from token v: one dead (events.lex
 * shot_verb, dead_state, death_noun). */
static bool shot_dead(const sr_context *c, size_t v)
{
    return sr_tok_class(c, v, SR_LEX_EVENTS_SHOT_VERB) &&
           (sr_tok_class(c, v + 1, SR_LEX_EVENTS_DEAD_STATE) ||
            (sr_tok_is(c, v + 1, "to") && sr_tok_class(c, v + 2, SR_LEX_EVENTS_DEATH_NOUN)));
}

/* The dead or hurt a list names as the subject of a passive lethal or
 * hurting verb: "a guard and one of the cooks were killed" (2),
 * "three nurses and a porter who worked there were murdered" (4),
 * "a nurse and a porter died" (2).  The subject runs from the clause's
 * start (or a subordinator, "in which", "when") to the verb; a relative
 * clause ("who worked there") may end it.  Sets *dead or *hurt (0 when
 * the clause has no such list). */
static void victims_before(const sr_context *c, size_t lo, size_t hi, double *dead, double *hurt, bool *told)
{
    *dead = *hurt = 0;
    *told = false;
    for (size_t k = lo + 1; k < hi; k++) {
        bool died = sr_tok_is(c, k, "died");
        if (!died && !sr_tok_is(c, k, "were") && !sr_tok_is(c, k, "was"))
            continue;
        size_t v = k + 1;
        if (!died && v < hi && sr_tok_class(c, v, SR_LEX_EVENTS_HURT_DEGREE))
            v++;
        /* "were brutally murdered", "were also killed": one adverb */
        if (!died && v + 1 < hi && c->tok[v].kind == SITREP_TOK_WORD &&
            (sr_tok_class(c, v, SR_LEX_EVENTS_SEQUEL) ||
             (c->tok[v].end - c->tok[v].start > 4 && (c->src[c->tok[v].end - 2] | 0x20) == 'l' &&
              (c->src[c->tok[v].end - 1] | 0x20) == 'y')))
            v++;
        bool kill = died || (v < hi && sr_tok_class(c, v, SR_LEX_EVENTS_KILLED_PASSIVE)) ||
                    shot_dead(c, v);
        bool hurts = !died && v < hi && sr_tok_class(c, v, SR_LEX_EVENTS_HURT_PASSIVE);
        if (!kill && !hurts)
            continue;
        /* the subject's start, and its end before a relative clause;
         * "X, the mayor; Y; and Z were killed": a list parted by
         * semicolons whose last item opens with "and" */
        bool semis = false;
        for (size_t q = k; q > lo + 1 && k - q < 48; q--)
            if (sr_tok_char(c, q - 1, ';')) {
                semis = sr_tok_is(c, q, "and");
                break;
            }
        size_t start = lo, end = k;
        bool gap = false; /* a relative clause or an aside between the subject and its verb */
        for (size_t q = k; q > lo;) {
            q--;
            if (semis && sr_tok_char(c, q, ';'))
                continue;
            if (sr_tok_is(c, q, "who") || sr_tok_is(c, q, "whom")) {
                end = q;
                continue;
            }
            /* "his son, who was driving the car, was also wounded": the
             * relative clause's own verb is no break */
            if (q > lo + 1 && (sr_tok_class(c, q, SR_LEX_EVENTS_BE_PASSIVE) || sr_tok_is(c, q, "had")) &&
                (sr_tok_is(c, q - 1, "who") || (q > lo + 2 && sr_tok_is(c, q - 2, "who")))) {
                q = sr_tok_is(c, q - 1, "who") ? q - 1 : q - 2;
                end = q;
                while (end > lo && sr_tok_char(c, end - 1, ','))
                    end--;
                gap = true;
                continue;
            }
            /* an aside between dashes within the subject */
            if (dash_at(c, q)) {
                size_t o = q;
                while (o > lo && dash_at(c, o - 1))
                    o--;
                size_t p = o;
                while (p > lo && o - p < 12 && !dash_at(c, p - 1) && !sr_tok_char(c, p - 1, ';'))
                    p--;
                if (p > lo && dash_at(c, p - 1) && dash_aside_end(c, p - 1, k) == q + 1) {
                    while (p > lo && dash_at(c, p - 1))
                        p--;
                    q = p;
                    continue;
                }
            }
            if (sr_clause_break(c, q) || sr_tok_class(c, q, SR_LEX_EVENTS_SUBORDINATOR) || sr_tok_is(c, q, "which") ||
                sr_tok_is(c, q, "that") || sr_tok_char(c, q, ';') || sr_tok_char(c, q, ':') ||
                sr_tok_char(c, q, '(') || sr_tok_char(c, q, ')') || sr_tok_char(c, q, '[') ||
                sr_tok_char(c, q, ']') || sr_tok_char(c, q, '-') || c->at[q].time >= 0 ||
                sr_tok_class(c, q, SR_LEX_EVENTS_BE_PASSIVE) || sr_tok_class(c, q, SR_LEX_EVENTS_DEATH_WORD) ||
                sr_tok_class(c, q, SR_LEX_EVENTS_HURT_WORD) || sr_tok_class(c, q, SR_LEX_EVENTS_KILLED_PASSIVE) ||
                sr_tok_flag(c, q, SR_WI_EVENT)) {
                start = q + 1;
                break;
            }
        }
        /* "four people, including a child, were injured": the whole ends
         * the list; one item is enough, its part left out */
        bool part = false;
        for (size_t q = start + 1; q + 1 < end && !part; q++)
            if (sr_tok_is(c, q, "including") ||
                (sr_tok_is(c, q, "among") && sr_tok_class(c, q + 1, SR_LEX_FRAME_PART_PRONOUN))) {
                part = true;
                end = q;
                while (end > start && (sr_tok_char(c, end - 1, ',') || sr_tok_char(c, end - 1, '(')))
                    end--;
            }
        /* "Early on Sunday, four teachers and ...": the list may start
         * after any comma of the span */
        double n = 0;
        for (size_t from = start; from < end && n <= 0; from++) {
            if (from > start && !sr_tok_char(c, from - 1, ','))
                continue;
            size_t stop, items;
            bool again;
            double got = victims_list(c, from, end, &stop, &items, &again);
            /* "two of his guards, both policemen, were wounded": an aside
             * between commas before the verb restates the subject */
            bool aside = got > 0 && stop > from && stop < end && end > from + 1 && sr_tok_char(c, stop - 1, ',') &&
                         sr_tok_char(c, end - 1, ',');
            for (size_t q = stop; aside && q + 1 < end; q++)
                aside = c->at[q].figure < 0 && !sr_tok_is(c, q, "and") && !sr_tok_char(c, q, ',');
            if (aside)
                stop = end;
            /* one item counts when it says how many: "the priests",
             * counted before (counted_before) */
            if (got > 0 && stop == end && (items >= (part || gap || aside ? 1u : 2u) || again)) {
                n = got;
                *told |= again;
            }
        }
        /* "the driver was killed and his bodyguard wounded": a second
         * subject that shares the first's "was", its own participle after it */
        size_t a = v + 1;
        if (a + 2 < hi && sr_tok_is(c, a, "and") && !sr_tok_char(c, a - 1, ',')) {
            for (size_t w = a + 2; w < hi && w < a + 10; w++) {
                bool wk = sr_tok_class(c, w, SR_LEX_EVENTS_KILLED_PASSIVE),
                     wh = sr_tok_class(c, w, SR_LEX_EVENTS_HURT_PASSIVE);
                if (!wk && !wh) {
                    if (sr_tok_flag(c, w, SR_WI_EVENT) || sr_tok_class(c, w, SR_LEX_EVENTS_BE_PASSIVE) ||
                        sr_clause_break(c, w))
                        break;
                    continue;
                }
                size_t stop, items;
                bool again;
                double got = victims_list(c, a + 1, w, &stop, &items, &again);
                if (got > 0 && stop == w) {
                    if (wk)
                        *dead += got;
                    else
                        *hurt += got;
                }
                break;
            }
        }
        if (n <= 0)
            continue;
        if (kill)
            *dead += n;
        else
            *hurt += n;
    }
}

/* The hurt a hurting verb's object names: "wounding two guards", "also
 * wounded his son" (1), "injured one of the agents" (1); 0 when none.  Not
 * a passive ("was wounded"), a count ("30 wounded") nor a noun ("the
 * wounded", "injured soldiers"). */
static double hurt_after(const sr_context *c, size_t lo, size_t hi)
{
    for (size_t k = lo + 1; k + 1 < hi; k++) {
        if (!sr_tok_class(c, k, SR_LEX_EVENTS_HURTING))
            continue;
        size_t b = k - 1;
        if (sr_tok_class(c, b, SR_LEX_EVENTS_HURT_DEGREE) && b > lo)
            b--;
        if (sr_tok_class(c, b, SR_LEX_EVENTS_BE_PASSIVE) || c->at[b].figure >= 0 ||
            sr_tok_class(c, b, SR_LEX_EVENTS_VICTIM_DET) || sr_tok_class(c, b, SR_LEX_EVENTS_ONE_WORD) ||
            sr_tok_is(c, b, "left") || sr_tok_is(c, b, "leaving"))
            continue;
        size_t stop, items;
        double v = victims_list(c, k + 1, hi, &stop, &items, NULL);
        if (v > 0)
            return v;
    }
    return 0;
}

/* The victims a list names (victims_before) as ev's toll: taken where ev
 * has none, or where its exact figure counts only a part of the list. */
static void take_victims(const sr_context *c, size_t lo, size_t hi, sr_event *ev)
{
    double d, h;
    bool told;
    victims_before(c, lo, hi, &d, &h, &told);
    if (h <= 0 && !ev->inj_q)
        h = hurt_after(c, lo, hi);
    if (d > 0 && (!ev->fat_q || (ev->fat_q == SR_Q_EXACT && ev->fat_low < d))) {
        ev->fat_low = ev->fat_high = d;
        ev->fat_q = SR_Q_EXACT;
        ev->fat_told = told;
    }
    if (h > 0 && (!ev->inj_q || (ev->inj_q == SR_Q_EXACT && ev->inj_low < h))) {
        ev->inj_low = ev->inj_high = h;
        ev->inj_q = SR_Q_EXACT;
    }
}

/* Is token k an adverb in -ly ("brutally", "savagely")? */
static bool ly_adverb(const sr_context *c, size_t k)
{
    if (!sr_tok_word(c, k) || c->tok[k].end - c->tok[k].start < 5)
        return false;
    const char *w = c->src + c->tok[k].end;
    return (w[-2] | 0x20) == 'l' && (w[-1] | 0x20) == 'y';
}

/* "X, 28, a leader of the party, died": a person named at the start of
 * the subject of "died" at token k, set off from it by an apposition
 * between commas. */
static bool named_subject(const sr_context *c, size_t lo, size_t k)
{
    if (k < lo + 3 || !sr_tok_char(c, k - 1, ','))
        return false;
    for (size_t q = k - 1; q > lo && k - q < 30;) {
        q--;
        if (sr_tok_char(c, q, ';') || sr_tok_char(c, q, ':') || sr_tok_is(c, q, "and"))
            return false;
        if (!sr_tok_char(c, q, ',') || q == lo)
            continue;
        /* the mention ending before this comma opens the subject */
        const sr_entity *en = sr_entity_at(c, q - 1, NULL);
        if (!en || en->e.kind != SITREP_ENTITY_PERSON)
            continue;
        size_t f = sr_mention_first(c, q - 1);
        if (f == lo || sr_tok_char(c, f - 1, ',') || sr_tok_is(c, f - 1, "that") ||
            !sr_tok_word(c, f - 1) || sr_clause_break(c, f - 1))
            return true;
    }
    return false;
}

/* What the text says when nobody died: "no casualties", "no one was
 * killed", "without causing casualties", "No injuries were reported";
 * and one victim without a number: "a woman was shot dead". */
/* The words the rules of stated_casualties start from (events.lex
 * casualty_cue), found in one pass over [lo, hi) so that a rule whose word
 * the clause lacks reads none of its tokens: bits of SC_* (a superset: each
 * rule still tests its words).  A rule of stated_casualties, take_victims
 * or casualties that starts from a word of another class adds that class
 * to events.lex toll_start (may_tell_toll). */
enum { SC_TO_WAS = 1, SC_FOUND_OUTCOME = 2, SC_HURT = 4 };
static int casualty_cue(const sr_context *c, size_t k)
{
    return (int)sr_lex_value(sr_tok_lexid(c, k), SR_LEX_EVENTS_CASUALTY_CUE, SR_LEXCOL_EVENTS_CASUALTY_CUE_CUE);
}
static unsigned casualty_words(const sr_context *c, size_t lo, size_t hi, size_t *died)
{
    unsigned m = 0;
    *died = hi;
    for (size_t k = lo; k < hi && k < c->ntok; k++) {
        sr_lexid id = c->wi[k].lex;
        if (sr_lex_in(id, SR_LEX_CLAIMS_OUTCOME_NOUN))
            m |= SC_FOUND_OUTCOME;
        if (k > lo && sr_lex_in(id, SR_LEX_EVENTS_HURT_PASSIVE))
            m |= SC_HURT;
        switch (sr_lex_value(id, SR_LEX_EVENTS_CASUALTY_CUE, SR_LEXCOL_EVENTS_CASUALTY_CUE_CUE)) {
        case SR_LEXE_EVENTS_CASUALTY_CUE_CUE_TO_DEATH:
        case SR_LEXE_EVENTS_CASUALTY_CUE_CUE_WAS_PASSIVE:
            if (k > lo && k + 1 < hi)
                m |= SC_TO_WAS;
            break;
        case SR_LEXE_EVENTS_CASUALTY_CUE_CUE_HURTING:
            if (k > lo)
                m |= SC_HURT;
            break;
        case SR_LEXE_EVENTS_CASUALTY_CUE_CUE_DIED:
            if (k > lo && *died == hi)
                *died = k;
            break;
        case SR_LEXE_EVENTS_CASUALTY_CUE_CUE_FOUND_DEAD:
            m |= SC_FOUND_OUTCOME;
            break;
        default:
            break;
        }
    }
    return m;
}

static void stated_casualties(const sr_context *c, size_t lo, size_t hi, sr_event *ev)
{
    size_t died;
    unsigned words = casualty_words(c, lo, hi, &died);
    bool may_none = sr_span_may(c, lo, hi, SR_LEX_EVENTS_NONE_WORD);
    for (size_t k = lo; k < hi && may_none; k++) {
        char first = (char)(c->src[c->tok[k].start] | 0x20);
        if (first != 'n' && first != 'w')
            continue;
        bool none = sr_tok_class(c, k, SR_LEX_EVENTS_NONE_WORD);
        if (!none)
            continue;
        size_t q = k + 1;
        if (sr_tok_is(c, q, "one") || sr_tok_is(c, q, "causing") || sr_tok_is(c, q, "any"))
            q++;
        bool dead = false, hurt = false;
        for (size_t r = q; r < hi && r < q + 3; r++) {
            dead |= sr_tok_class(c, r, SR_LEX_EVENTS_DEATH_WORD);
            hurt |= sr_tok_class(c, r, SR_LEX_EVENTS_HURT_WORD);
        }
        if (dead && !ev->fat_q) {
            ev->fat_low = ev->fat_high = 0;
            ev->fat_q = SR_Q_EXACT;
        }
        if (hurt && !ev->inj_q) {
            ev->inj_low = ev->inj_high = 0;
            ev->inj_q = SR_Q_EXACT;
        }
    }
    if (!ev->fat_q && (words & SC_TO_WAS))
        for (size_t k = lo + 1; k + 1 < hi; k++)
            if ((casualty_cue(c, k) == SR_LEXE_EVENTS_CASUALTY_CUE_CUE_TO_DEATH &&
                 sr_tok_class(c, k + 1, SR_LEX_EVENTS_DEATH_NOUN) &&
                 (sr_tok_is(c, k + 2, "a") || sr_tok_is(c, k + 2, "an") || sr_tok_is(c, k - 2, "a") ||
                  sr_tok_is(c, k - 2, "an"))) ||
                (casualty_cue(c, k) == SR_LEXE_EVENTS_CASUALTY_CUE_CUE_WAS_PASSIVE &&
                (sr_tok_class(c, k + 1, SR_LEX_EVENTS_KILLED_PASSIVE) ||
                 (ly_adverb(c, k + 1) && sr_tok_class(c, k + 2, SR_LEX_EVENTS_KILLED_PASSIVE)) ||
                 shot_dead(c, k + 1)))) {
                ev->fat_low = ev->fat_high = 1;
                ev->fat_q = SR_Q_EXACT;
                break;
            }
    /* "the mayor died when ...": a person named dies */
    if (!ev->fat_q)
        for (size_t k = died; k < hi; k++)
            if (casualty_cue(c, k) == SR_LEXE_EVENTS_CASUALTY_CUE_CUE_DIED) {
                const sr_entity *en = sr_entity_at(c, k - 1, NULL);
                bool name = en ? en->e.kind == SITREP_ENTITY_PERSON
                               : sr_tok_word(c, k - 1) && (c->tok[k - 1].flags & SITREP_TOKF_CAP) &&
                                     !(c->tok[k - 1].flags & SITREP_TOKF_SENT_START);
                name |= named_subject(c, lo, k);
                /* "a peasant woman died", "the labour leader died": one
                 * person named by a singular noun after "a" or "the" */
                if (!name && sr_tok_class(c, k - 1, SR_LEX_EVENTS_PERSON_OBJECT)) {
                    bool plural = plural_noun(c, k - 1);
                    for (size_t q = k - 1; !plural && q > lo && k - q < 5;) {
                        q--;
                        if (sr_tok_class(c, q, SR_LEX_EVENTS_ONE_WORD) || sr_tok_class(c, q, SR_LEX_EVENTS_VICTIM_DET)) {
                            name = !sr_tok_is(c, q, "their");
                            break;
                        }
                        if (!sr_tok_word(c, q) || c->at[q].figure >= 0)
                            break;
                    }
                }
                if (name) {
                    ev->fat_low = ev->fat_high = 1;
                    ev->fat_q = SR_Q_EXACT;
                }
                break;
            }
    /* "the assassination of the minister X", "X's murder", "X was found
     * dead": one named person killed */
    if (!ev->fat_q && (words & SC_FOUND_OUTCOME))
        for (size_t k = lo; k < hi && !ev->fat_q; k++) {
            bool found_dead = k > lo && casualty_cue(c, k) == SR_LEXE_EVENTS_CASUALTY_CUE_CUE_FOUND_DEAD &&
                              sr_tok_class(c, k + 1, SR_LEX_EVENTS_DEAD_STATE) &&
                              sr_tok_is(c, k - 1, "was");
            if (found_dead) {
                /* "X, the mayor who was kidnapped on Sunday, was found dead" */
                if (named_subject(c, lo, k - 1)) {
                    ev->fat_low = ev->fat_high = 1;
                    ev->fat_q = SR_Q_EXACT;
                }
                for (size_t q = k - 1; q > lo && k - q < 14 && !ev->fat_q;) {
                    q--;
                    const sr_entity *en = sr_entity_at(c, q, NULL);
                    if (en && en->e.kind == SITREP_ENTITY_PERSON) {
                        ev->fat_low = ev->fat_high = 1;
                        ev->fat_q = SR_Q_EXACT;
                    }
                }
                continue;
            }
            if (c->tok[k].kind != SITREP_TOK_WORD ||
                sr_lex_value(c->wi[k].lex, SR_LEX_CLAIMS_OUTCOME_NOUN, 0) != SR_LEXE_OUTCOME_KILLED)
                continue;
            const char *w = c->src + c->tok[k].start;
            size_t n = c->tok[k].end - c->tok[k].start;
            if ((w[n - 1] | 0x20) == 's' || sr_tok_is(c, k, "massacre"))
                continue; /* "the murders of", "the massacre of": how many is not said */
            const sr_entity *who = NULL;
            /* "the assassination on Sunday in Kabul of X": a date or a
             * place between the noun and its "of" */
            size_t of = k + 1;
            while (of < hi && of < k + 8 && !sr_tok_is(c, of, "of") &&
                   (c->at[of].time >= 0 || sr_tok_class(c, of, SR_LEX_EVENTS_PLACE_PREP) ||
                    (c->at[of].mention >= 0 && sr_entity_at(c, of, NULL)->e.kind == SITREP_ENTITY_PLACE)))
                of++;
            if (of > k + 1 && !sr_tok_is(c, of, "of"))
                of = k + 1;
            if (sr_tok_is(c, of, "of")) {
                /* "of Salvadoran presidency minister X", "of senator and
                 * candidate X", "of Kismayo mayor X": titles before the
                 * name */
                for (size_t q = of + 1; q < hi && q < of + 9 && !who; q++) {
                    if (sr_tok_char(c, q, ',') || sr_tok_char(c, q, ';') || c->at[q].figure >= 0 ||
                        (sr_tok_is(c, q, "and") &&
                         (sr_tok_class(c, q + 1, SR_LEX_EVENTS_ONE_WORD) ||
                          sr_tok_class(c, q + 1, SR_LEX_EVENTS_VICTIM_DET) || c->at[q + 1].mention >= 0)))
                        break;
                    const sr_entity *en = sr_entity_at(c, q, NULL);
                    if (en && en->e.kind == SITREP_ENTITY_PERSON)
                        who = en;
                    else if (en && en->e.kind != SITREP_ENTITY_PLACE)
                        break;
                }
            } else if (k > lo + 1 && sr_tok_is(c, k - 1, "s") &&
                       (sr_tok_char(c, k - 2, '\'') || c->src[c->tok[k - 2].start] == '\xE2')) {
                who = sr_entity_at(c, k - 3, NULL); /* "X's murder" */
            } else if (k > lo && (c->wi[k - 1].flags & (SR_WI_POSS2 | SR_WI_POSS4))) {
                who = sr_entity_at(c, k - 1, NULL);
            }
            if (who && who->e.kind == SITREP_ENTITY_PERSON) {
                ev->fat_low = ev->fat_high = 1;
                ev->fat_q = SR_Q_EXACT;
            }
        }
    /* "the murdered candidate", "the slain journalist": one dead named
     * by a lethal participle before a singular person noun */
    bool may_killed = sr_span_may(c, lo, hi, SR_LEX_EVENTS_KILLED_PASSIVE);
    for (size_t k = lo + 1; k + 1 < hi && !ev->fat_q && may_killed; k++) {
        if (!sr_tok_class(c, k, SR_LEX_EVENTS_KILLED_PASSIVE) ||
            !(sr_tok_class(c, k - 1, SR_LEX_EVENTS_ONE_WORD) || sr_tok_class(c, k - 1, SR_LEX_EVENTS_VICTIM_DET)) ||
            sr_tok_is(c, k - 1, "their"))
            continue;
        for (size_t q = k + 1; q < hi && q < k + 4; q++) {
            if (!sr_tok_word(c, q) || c->at[q].figure >= 0)
                break;
            if (!sr_tok_class(c, q, SR_LEX_EVENTS_PERSON_OBJECT))
                continue;
            if (!plural_noun(c, q)) {
                ev->fat_low = ev->fat_high = 1;
                ev->fat_q = SR_Q_EXACT;
            }
            break;
        }
    }
    /* "a policeman was wounded", "the judge was seriously injured",
     * "wounding a civilian", "wounded the judge X": one hurt */
    if (!ev->inj_q && (words & SC_HURT))
        for (size_t k = lo + 1; k + 1 < hi; k++) {
            size_t p = k + 1;
            if (sr_tok_class(c, p, SR_LEX_EVENTS_HURT_DEGREE) && p + 1 < hi)
                p++;
            int cue = casualty_cue(c, k);
            bool one = cue == SR_LEXE_EVENTS_CASUALTY_CUE_CUE_WAS_PASSIVE && sr_tok_class(c, p, SR_LEX_EVENTS_HURT_PASSIVE);
            if (!one && (cue == SR_LEXE_EVENTS_CASUALTY_CUE_CUE_HURTING ||
                         (sr_tok_class(c, k, SR_LEX_EVENTS_HURT_PASSIVE) && !sr_tok_is(c, k - 1, "was") &&
                          !sr_tok_is(c, k - 1, "were") && !sr_tok_is(c, k - 1, "been")))) {
                const sr_entity *en = sr_entity_at(c, k + 1, NULL);
                one = (en && en->e.kind == SITREP_ENTITY_PERSON) ||
                      ((sr_tok_is(c, k + 1, "a") || sr_tok_is(c, k + 1, "an")) && c->at[k + 1].figure < 0 &&
                       k + 2 < hi && c->at[k + 2].figure < 0 && sr_tok_word(c, k + 2));
            }
            if (one) {
                ev->inj_low = ev->inj_high = 1;
                ev->inj_q = SR_Q_EXACT;
                break;
            }
        }
}

/* The dated time expression nearest the trigger in [lo, hi); with
 * `statements`, also the date of a statement ("announced on Sunday that
 * it had merged": it happened by then). */
/* Is token k inside square brackets opened after lo: an editor's note
 * ("at 2230 [0330 GMT on 12 January]") that restates, adding no fact? */
static bool in_brackets(const sr_context *c, size_t k, size_t lo)
{
    for (size_t q = k; q > lo && k - q < 12;) {
        q--;
        if (sr_tok_char(c, q, ']'))
            return false;
        if (sr_tok_char(c, q, '['))
            return true;
    }
    return false;
}

static bool date_in(const sr_context *c, size_t lo, size_t hi, size_t at, size_t slo, size_t shi,
                    bool statements, sr_event *ev)
{
    size_t bestd = (size_t)-1;
    size_t t0, t1;
    int32_t t;
    for (size_t from = lo; (t = sr_next_date(c, from, hi, &t0, &t1)) >= 0; from = t1) {
        const sr_time *tm = &c->times[t];
        if ((!statements && sr_statement_date(c, t0, t1, slo, shi)) || in_brackets(c, t0, slo))
            continue;
        size_t d = t0 > at ? t0 - at : at - t0;
        if (d < bestd) {
            bestd = d;
            ev->from = tm->from;
            ev->to = tm->to;
            ev->precision = tm->precision;
        }
    }
    if (ev->precision > SR_PREC_YEAR)
        ev->precision = SR_PREC_YEAR;
    if (ev->precision == SR_PREC_QUARTER || ev->precision == SR_PREC_HALF)
        ev->precision = SR_PREC_YEAR;
    return bestd != (size_t)-1;
}

/* The clause's own date; else the sentence's ("a suicide bomber killed 5
 * in Mogadishu and a roadside bomb killed 3 near Baidoa on Sunday"); else
 * the date of the statement that reports it. */
static void date_of(const sr_context *c, size_t lo, size_t hi, size_t at, size_t slo, size_t shi,
                    sr_event *ev)
{
    if (!date_in(c, lo, hi, at, slo, shi, false, ev) && !date_in(c, slo, shi, at, slo, shi, false, ev))
        ev->weak_date = date_in(c, slo, shi, at, slo, shi, true, ev);
}

/* Is token k a noun of a target: a building, a facility or the people
 * of a place ("market", "hotel", "residents")? */
static bool target_noun(const sr_context *c, size_t k)
{
    return sr_tok_class(c, k, SR_LEX_EVENTS_CIVILIAN_TARGET) || sr_tok_class(c, k, SR_LEX_EVENTS_MILITARY_TARGET);
}

/* Does the place whose mention starts at f follow a distance ("20 km
 * north of", "15 km from", "10 miles southwest of")? */
static bool reference_place(const sr_context *c, size_t lo, size_t f)
{
    if (f < lo + 2)
        return false;
    size_t k = f - 1;
    if (sr_tok_is(c, k, "of") && k > lo && sr_tok_class(c, k - 1, SR_LEX_FRAME_DIRECTION))
        k -= 2;
    else if (sr_tok_is(c, k, "from"))
        k--;
    else
        return false;
    return k + 1 > lo && sr_tok_class(c, k, SR_LEX_FRAME_DISTANCE);
}

/* "X, 15 km south of Y", "X, 20 miles from Y": the place X (its mention
 * ending at token last) is told by its distance from another, which the
 * text names only to find X by */
static bool measured_place(const sr_context *c, size_t last, size_t hi)
{
    size_t k = last + 1;
    if (k + 4 >= hi || !sr_tok_char(c, k, ',') || c->tok[k + 1].kind != SITREP_TOK_NUMBER ||
        !sr_tok_class(c, k + 2, SR_LEX_FRAME_DISTANCE) || sr_tok_is(c, k + 2, "away"))
        return false;
    k += 3;
    while (k < hi && (sr_tok_class(c, k, SR_LEX_FRAME_DIRECTION_OF_DISTANCE) || sr_tok_char(c, k, '-')))
        k++;
    return k + 1 < hi && (sr_tok_is(c, k, "of") || sr_tok_is(c, k, "from")) &&
           sr_entity_at(c, k + 1, NULL);
}

/* "police reported today in X that ...": the place of a statement (a
 * speech verb before it, "that" after it), not of what it tells */
static bool statement_place(const sr_context *c, size_t lo, size_t f, size_t last, size_t hi)
{
    if (last + 1 >= hi || !sr_tok_is(c, last + 1, "that"))
        return false;
    for (size_t k = f; k > lo && f - k < 5;) {
        k--;
        if (sr_speech_verb(c, k))
            return true;
        if (!sr_tok_word(c, k))
            return false;
    }
    return false;
}

static void location_of(const sr_context *c, size_t lo, size_t hi, const char *report_cc, sr_event *ev,
                        bool *target_only)
{
    *target_only = false;
    int best = 0;
    /* the countries the clause names: a town elsewhere is a misreading */
    const char *countries[4];
    size_t ncountries = 0;
    for (size_t i = lo; i < hi; i++) {
        const sr_entity *en = sr_entity_at(c, i, NULL);
        if (en && sr_entity_is_country(en) && en->e.country && ncountries < 4 &&
            sr_place_located(c, lo, sr_mention_first(c, i)))
            countries[ncountries++] = en->e.country;
    }
    for (size_t i = lo; i < hi; i++) {
        int32_t e;
        const sr_entity *en = sr_entity_at(c, i, &e);
        if (!en || en->e.kind != SITREP_ENTITY_PLACE)
            continue;
        size_t f = sr_mention_first(c, i);
        while (i + 1 < hi && c->at[i + 1].mention == c->at[i].mention)
            i++;
        /* "from Syria", "the Afghanistan offshoot", "officials in Kabul
         * said" are not where it happened */
        bool measured = measured_place(c, i, hi);
        bool located = measured || sr_place_located(c, lo, f), by_target = false;
        /* "the market of X": the place of a target; "X residents", "a X
         * hotel": a town that qualifies the target names where it is */
        if (!located && !sr_entity_is_country(en) && en->e.country && report_cc[0] &&
            strcmp(en->e.country, report_cc) == 0)
            by_target = located = (f >= lo + 2 && sr_tok_is(c, f - 1, "of") && target_noun(c, f - 2)) ||
                                  (i + 1 < hi && target_noun(c, i + 1));
        if (!located || sr_speakers_place(c, f, i, lo, hi) || statement_place(c, lo, f, i, hi))
            continue;
        /* "at the US embassy", "near Peruvian army troops": a country
         * that qualifies what follows names whose it is, not where */
        if (sr_entity_is_country(en) && i + 1 < hi &&
            (sr_tok_class(c, i + 1, SR_LEX_ENTITIES_ACRONYM_AFTER) ||
             sr_tok_class(c, i + 1, SR_LEX_EVENTS_CIVILIAN_TARGET) ||
             sr_tok_class(c, i + 1, SR_LEX_EVENTS_MILITARY_TARGET)))
            continue;
        int r = place_rank(en);
        if (ncountries && !sr_entity_is_country(en)) {
            bool fits = false;
            for (size_t k = 0; k < ncountries; k++)
                fits |= en->e.country && strcmp(en->e.country, countries[k]) == 0;
            if (!fits)
                r = 0;
        }
        /* of two places of one rank, the one the text puts it in ("Mexico
         * condemned the killing of six priests in El Salvador") */
        r = 2 * r + (r && f > lo && sr_tok_class(c, f - 1, SR_LEX_EVENTS_PLACE_PREP));
        /* "20 km north of X", "15 km from X": X is where the distance is
         * measured from; a place of its rank named otherwise goes first */
        if (r && reference_place(c, lo, f))
            r--;
        /* and X, measured from it, is the more precise of the two */
        if (measured)
            r = 2 * 3 + 1;
        if (r > best) {
            best = r;
            ev->location = e;
            *target_only = by_target;
        }
    }
}

static const char *by_phrase(const estate *es, size_t at, size_t hi);
static const char *phrase_name(const estate *es, size_t r, size_t e, bool title);

/* The country (gazetteer id + 1) whose forces a common noun ("the army",
 * "soldiers") names in event ev: its place's country, else the country
 * the report is about. */
static uint32_t forces_country(const estate *es, const sr_event *ev)
{
    const sr_gazetteer *g = sr_gazetteer_get();
    if (g && ev->location >= 0 && (size_t)ev->location < es->c->nent) {
        const char *cc = es->c->ent[ev->location].e.country;
        uint32_t id = cc && strlen(cc) == 2 ? sr_gaz_country(g, cc) : UINT32_MAX;
        if (id != UINT32_MAX)
            return id + 1;
    }
    return es->country;
}

/* One side of "between X and Y", tokens [from, to): an actor named, else
 * the state's forces named by a common noun ("the army"), of the demonym
 * before them or the country where it happened. */
static const char *side_named(const estate *es, const sr_event *ev, size_t from, size_t to)
{
    const sr_context *c = es->c;
    int32_t who = actor_in(c, from, to);
    if (who >= 0)
        return c->ent[who].e.name;
    size_t q = forces_after(c, from, to);
    if (q >= to)
        return NULL;
    bool police = sr_tok_class(c, q, SR_LEX_EVENTS_POLICE_NOUN);
    uint32_t state = state_forces_of(c, from, q + 1, &police);
    return forces_name(es, police, state ? state : forces_country(es, ev));
}

/* "fighting between the army and the RSF", "clashes between X and Y" in
 * the trigger's clause [lo, hi): both sides are its actors. */
static void between_sides(const estate *es, size_t lo, size_t hi, sr_event *ev)
{
    const sr_context *c = es->c;
    for (size_t b = lo; b + 3 < hi; b++) {
        if (!sr_tok_is(c, b, "between"))
            continue;
        size_t and = b + 1;
        while (and < hi && and < b + 8 && !sr_tok_is(c, and, "and") && !sr_tok_char(c, and, ','))
            and++;
        if (and >= hi || !sr_tok_is(c, and, "and"))
            continue;
        size_t end = and + 1;
        while (end < hi && end < and + 7 && !sr_tok_char(c, end, ',') && !sr_tok_char(c, end, ';') &&
               !sr_clause_break(c, end) && !sr_tok_flag(c, end, SR_WI_EVENT) && !sr_tok_flag(c, end, SR_WI_SPEECH))
            end++;
        const char *x = side_named(es, ev, b + 1, and), *y = side_named(es, ev, and + 1, end);
        if (x && y) {
            add_actor(ev, x);
            add_actor(ev, y);
        }
        return;
    }
}

static void other_side(const estate *es, size_t lo, size_t hi, size_t end, int32_t perp, sr_event *ev)
{
    const sr_context *c = es->c;
    /* the object of the trigger verb ("designated the RSF", "attacked an
     * SDF checkpoint") or of "on/against/at/with/between" after it */
    for (size_t k = end; k < hi && k < end + 10; k++) {
        if (sr_tok_char(c, k, ',') || sr_tok_char(c, k, ';') || sr_tok_flag(c, k, SR_WI_SPEECH))
            break;
        bool prep = sr_tok_class(c, k, SR_LEX_EVENTS_OBJECT_PREP);
        size_t q = prep ? k + 1 : k;
        if (!prep && k > end + 2)
            continue;
        for (; q < hi && q < k + 9; q++) {
            if (sr_tok_char(c, q, ',') || sr_tok_flag(c, q, SR_WI_SPEECH))
                break;
            int32_t e;
            const sr_entity *en = sr_entity_at(c, q, &e);
            if (en && e != perp && actor_kind(en) && !sr_speakers_place(c, q, q, lo, hi)) {
                add_actor(ev, en->e.name);
                return;
            }
        }
        if (prep)
            break;
    }
    /* the victims' side: "killed three US soldiers", "arrested 12 ISIS-K members" */
    for (size_t i = lo; i < hi; i++) {
        int32_t f = c->at[i].measure;
        if (f < 0)
            f = c->at[i].figure;
        if (f < 0 || es->fig_claim[f] < 0)
            continue;
        const sr_claim *cl = &es->claims[es->fig_claim[f]];
        if (cl->actor >= 0 && cl->actor != perp && (size_t)cl->actor < c->nent &&
            (strstr(cl->measure, "killed") || strstr(cl->measure, "injured") ||
             strstr(cl->measure, "arrested") || strstr(cl->measure, "detained") ||
             strstr(cl->measure, "captured") || strstr(cl->measure, "abducted")))
            add_actor(ev, c->ent[cl->actor].e.name);
    }
    /* "stormed a base, leaving 17 soldiers dead": an armed group's
     * victims named by a word for the state's forces and no one else's
     * are the forces of the country where it happened */
    if (perp < 0 || c->ent[perp].e.kind != SITREP_ENTITY_ARMED_GROUP)
        return;
    for (size_t i = lo; i < hi; i++) {
        int32_t f = c->at[i].measure;
        if (f < 0 || es->fig_claim[f] < 0 || !sr_tok_class(c, i, SR_LEX_EVENTS_BY_FORCES))
            continue;
        const sr_claim *cl = &es->claims[es->fig_claim[f]];
        if (cl->actor >= 0 && cl->actor != perp)
            continue; /* "killed 11 Malian soldiers": theirs, told above */
        /* counted as killed, dead or hurt (the measure's last word) */
        const char *last = strrchr(cl->measure, ' ');
        last = last ? last + 1 : cl->measure;
        sr_lexid w = sr_lex_find(last, strlen(last));
        if (!sr_lex_in(w, SR_LEX_EVENTS_KILLED_PASSIVE) && !sr_lex_in(w, SR_LEX_EVENTS_DEAD_STATE) &&
            !sr_lex_in(w, SR_LEX_EVENTS_HURT_PASSIVE))
            continue;
        add_actor(ev, forces_name(es, sr_tok_class(c, i, SR_LEX_EVENTS_POLICE_NOUN), forces_country(es, ev)));
        return;
    }
}

/* ---- merging ---- */

/* Is the place a province or a district (feature ADM1 ... ADM5)? */
static bool admin_place(const sr_entity *e)
{
    return e->e.feature && strncmp(e->e.feature, "ADM", 3) == 0;
}

static bool dates_overlap(const sr_event *a, const sr_event *b)
{
    if (!a->from.year || !b->from.year)
        return true;
    /* a day known only as when it was reported: the happening came by then */
    if (a->weak_date && !b->weak_date)
        return sr_date_cmp(&b->from, &a->to) <= 0;
    if (b->weak_date && !a->weak_date)
        return sr_date_cmp(&a->from, &b->to) <= 0;
    return sr_date_cmp(&a->from, &b->to) <= 0 && sr_date_cmp(&b->from, &a->to) <= 0;
}

static bool places_agree(const sr_context *c, const sr_event *a, const sr_event *b)
{
    if (a->location < 0 || b->location < 0 || a->location == b->location)
        return true;
    const sr_entity *x = &c->ent[a->location], *y = &c->ent[b->location];
    if (!x->e.country || !y->e.country || strcmp(x->e.country, y->e.country) != 0)
        return false;
    if (sr_entity_is_country(x) || sr_entity_is_country(y))
        return true;
    /* a province and a town in it ("Kaduna state", "the village of Kajuru") */
    bool xa = admin_place(x), ya = admin_place(y);
    if (xa == ya || !x->e.admin1_code || !y->e.admin1_code)
        return false;
    return strcmp(x->e.admin1_code, y->e.admin1_code) == 0;
}

static bool same_family(int a, int b)
{
    if (a == b)
        return true;
    if (a == EV_ATTACK_GENERIC || b == EV_ATTACK_GENERIC)
        return type_of(a) != SITREP_EVENT_STRATEGIC && type_of(b) != SITREP_EVENT_STRATEGIC; /* any violent type */
    return type_of(a) == type_of(b);
}

/* Is a happening of sub-event sub one of force (battles, explosions,
 * violence against civilians, riots), not a protest nor a strategic
 * development?  Its later retellings merge into it across families. */
static bool by_force(int sub)
{
    sitrep_event_type t = type_of(sub);
    return t != SITREP_EVENT_STRATEGIC && t != SITREP_EVENT_PROTESTS;
}

/* Is the target word at k one of civilians, named by "of" after it ("a
 * convoy of gold miners", "a column of refugees")? */
static bool of_civilians(const sr_context *c, size_t k, size_t hi)
{
    if (k + 2 >= hi || !sr_tok_is(c, k + 1, "of"))
        return false;
    for (size_t q = k + 2; q < hi && q < k + 5 && sr_tok_word(c, q); q++) {
        if (sr_tok_class(c, q, SR_LEX_EVENTS_CIVILIAN_TARGET))
            return true;
        if (sr_tok_class(c, q, SR_LEX_EVENTS_MILITARY_TARGET))
            return false;
    }
    return false;
}

/* Does the clause [lo, hi) name, with "the", a target site that event a's
 * first sentence names ("attacked a camp ..." then "shelled the Zamzam
 * camp", "stormed a base" then "the base was overrun")?  Then it tells
 * more of that happening, whatever verb it tells it with. */
static bool names_its_target(const sr_context *c, size_t lo, size_t hi, const sr_event *a)
{
    size_t alo = sr_sent_first(c, a->first_sen), ahi = sr_sent_end(c, a->first_sen);
    for (size_t k = lo; k < hi; k++) {
        if (!sr_tok_class(c, k, SR_LEX_EVENTS_TARGET_SITE))
            continue;
        bool the = false;
        for (size_t q = k; q > lo && k - q < 4 && !the;) {
            q--;
            the = sr_tok_is(c, q, "the");
            if (sr_tok_char(c, q, ',') || sr_tok_flag(c, q, SR_WI_EVENT))
                break;
        }
        if (!the)
            continue;
        for (size_t q = alo; q < ahi; q++) {
            if (c->wi[q].lex != c->wi[k].lex) /* the same word, in any case */
                continue;
            /* "an agency ... and the office of ...": one of several
             * targets the first sentence sums up, each told on its own */
            bool listed = false;
            for (size_t r = q; r > alo && q - r < 4 && !listed;) {
                r--;
                listed = sr_tok_is(c, r, "and") || sr_tok_char(c, r, ',');
            }
            for (size_t r = q + 1; r < ahi && r < q + 4 && !listed; r++)
                listed = sr_tok_is(c, r, "and");
            if (!listed)
                return true;
        }
    }
    return false;
}

static void merge_event(const sr_context *c, sr_event *a, const sr_event *b)
{
    /* the most specific place: "a village in Burkina Faso", then its name */
    if (a->location >= 0 && b->location >= 0 && places_agree(c, a, b) &&
        place_rank(&c->ent[b->location]) > place_rank(&c->ent[a->location]))
        a->location = b->location;
    /* the more specific sub-event; "the assault" typed by default never
     * overrides what the text said */
    if (!b->vague && (a->vague || subs[b->sub].rank > subs[a->sub].rank)) {
        a->sub = b->sub;
        a->vague = 0;
    }
    if (a->nspans < SR_EVENT_SPANS &&
        !(a->span_start[a->nspans - 1] == b->span_start[0] && a->span_end[a->nspans - 1] == b->span_end[0])) {
        a->span_start[a->nspans] = b->span_start[0];
        a->span_end[a->nspans] = b->span_end[0];
        a->nspans++;
    }
    /* a response's day is when it was said: the happening told in full
     * dates it */
    bool gives = !b->reaction || a->reaction; /* a response's day is when it was said */
    if (b->from.year && gives && (!a->from.year || (a->weak_date && !b->weak_date) || (a->reaction && !b->reaction))) {
        a->from = b->from;
        a->to = b->to;
        a->precision = b->precision;
        a->weak_date = b->weak_date;
    }
    if (a->location < 0 || (a->reaction && !b->reaction && b->location >= 0))
        a->location = b->location;
    if (!b->reaction)
        a->reaction = 0;
    if (!b->nominal)
        a->nominal = 0;
    if (b->last_sen > a->last_sen)
        a->last_sen = b->last_sen;
    if (!a->fat_q && b->fat_q) {
        a->fat_low = b->fat_low;
        a->fat_high = b->fat_high;
        a->fat_q = b->fat_q;
    }
    if (!a->inj_q && b->inj_q) {
        a->inj_low = b->inj_low;
        a->inj_high = b->inj_high;
        a->inj_q = b->inj_q;
    }
    if (!a->perp && b->perp) {
        /* the retelling names who did it: it goes first */
        const char *keep[SR_EVENT_ACTORS];
        size_t n = a->nactors;
        memcpy(keep, a->actors, sizeof keep);
        a->nactors = 0;
        add_actor(a, b->actors[0]);
        for (size_t k = 0; k < n; k++)
            add_actor(a, keep[k]);
        a->perp = 1;
        a->perp_conf = b->perp_conf;
    }
    for (size_t k = 0; k < b->nactors; k++)
        add_actor(a, b->actors[k]);
}

/* ---- the pass ---- */

/* The last town (a place, not a country) named before token k, within
 * 200 tokens ("there", "in the town"), or -1. */
static int32_t town_before(const sr_context *c, size_t k)
{
    for (size_t q = k; q-- > 0 && k - q < 200;) {
        int32_t e;
        const sr_entity *en = sr_entity_at(c, q, &e);
        if (en && en->e.kind == SITREP_ENTITY_PLACE && !sr_entity_is_country(en))
            return e;
    }
    return -1;
}

/* Does sentence s or one of the next two of its paragraph name
 * explosives (bomb_word)? */
static bool bombs_told(const sr_context *c, size_t s)
{
    for (size_t p = s; p < c->nsen && p < s + 3; p++) {
        size_t lo = sr_sent_first(c, p), hi = sr_sent_end(c, p);
        if (p > s && (c->tok[lo].flags & SITREP_TOKF_PARA_START))
            break;
        for (size_t k = lo; k < hi; k++)
            if (sr_tok_class(c, k, SR_LEX_EVENTS_BOMB_WORD))
                return true;
    }
    return false;
}

/* The town (a place, not a country nor a province: "X, Y department" is
 * one place) whose mention starts at token k, or -1. */
static int32_t town_at(const sr_context *c, size_t k, size_t hi, size_t *end)
{
    int32_t e;
    const sr_entity *en = k < hi ? sr_entity_at(c, k, &e) : NULL;
    if (!en || en->e.kind != SITREP_ENTITY_PLACE || sr_entity_is_country(en) || sr_mention_first(c, k) != k ||
        admin_place(en))
        return -1;
    size_t q = k;
    while (q + 1 < hi && c->at[q + 1].mention == c->at[k].mention)
        q++;
    *end = q + 1;
    return e;
}

/* "attacked A, B and C", "attacks were reported in A, B, C and D": the
 * towns listed with the event's own place `loc` in [lo, hi), into out
 * (at most max), in text order; 0 when `loc` is not in such a list. */
static size_t town_list(const sr_context *c, size_t lo, size_t hi, int32_t loc, int32_t *out, size_t *at, size_t max)
{
    for (size_t k = lo; k < hi; k++) {
        size_t end;
        if (town_at(c, k, hi, &end) != loc)
            continue;
        /* back to the list's first item */
        size_t first = k;
        for (;;) {
            size_t q = first;
            if (q > lo && sr_tok_is(c, q - 1, "and"))
                q--;
            if (q > lo && sr_tok_char(c, q - 1, ','))
                q--;
            if (q == first || q == lo)
                break;
            size_t p = sr_mention_first(c, q - 1), pend;
            if (town_at(c, p, hi, &pend) < 0 || pend != q)
                break;
            first = p;
        }
        size_t n = 0;
        for (size_t q = first; q < hi && n < max;) {
            int32_t e = town_at(c, q, hi, &end);
            if (e < 0)
                break;
            /* "X, Y department": a town and the province it is in are one place */
            bool seen = false;
            for (size_t j = 0; j < n; j++) {
                const sr_entity *a = &c->ent[out[j]], *b = &c->ent[e];
                bool aa = admin_place(a), ba = admin_place(b);
                seen |= out[j] == e || (aa != ba && a->e.admin1_code && b->e.admin1_code && a->e.country &&
                                        b->e.country && strcmp(a->e.country, b->e.country) == 0 &&
                                        strcmp(a->e.admin1_code, b->e.admin1_code) == 0);
            }
            if (!seen) {
                at[n] = q;
                out[n++] = e;
            }
            q = end;
            if (q < hi && sr_tok_char(c, q, ','))
                q++;
            if (q < hi && sr_tok_is(c, q, "and"))
                q++;
            if (q == end)
                break;
        }
        return n >= 2 ? n : 0;
    }
    return 0;
}

/* Does the dateline name a place of the country the report is about, or
 * is the report filed from abroad (report_country)?  Then a happening the
 * text does not place is told from the dateline's place. */
static bool filed_home(const estate *es)
{
    const char *cc = es->dateline >= 0 ? es->c->ent[es->dateline].e.country : NULL;
    return cc && (es->abroad || strcmp(cc, es->country_cc) == 0);
}

static sitrep_status emit(const estate *es, size_t s, const trig *t, size_t nt, size_t lo, size_t hi,
                          sr_buf *out, size_t first_event)
{
    const sr_context *c = es->c;
    size_t slo = sr_sent_first(c, s), shi = sr_sent_end(c, s);
    sr_event ev;
    memset(&ev, 0, sizeof ev);
    ev.location = -1;
    const trig *main = &t[0];
    for (size_t k = 1; k < nt; k++)
        if (subs[t[k].sub].rank > subs[main->sub].rank)
            main = &t[k];
    /* "police defused a bomb": the bomb of the clause was disrupted */
    for (size_t k = 0; k < nt; k++)
        if (t[k].sub == EV_DISRUPTED)
            main = &t[k];
    ev.sub = main->sub;
    for (size_t k = 0; k < nt; k++)
        if (t[k].sub == EV_ARRESTS && main->sub == EV_CLASH && sr_tok_class(c, main->at, SR_LEX_EVENTS_RAID_WORD))
            ev.sub = EV_ARRESTS; /* "arrested 12 in raids": the arrests are the event */
    /* "fighting and explosions", "clashes and bombing": the blasts joined
     * to the fighting are the fight's own, one battle */
    for (size_t k = 0; k + 1 < nt && type_of(main->sub) == SITREP_EVENT_EXPLOSIONS; k++) {
        const trig *x = &t[k], *y = &t[k + 1];
        if ((x->sub == EV_CLASH) == (y->sub == EV_CLASH) ||
            type_of(x->sub == EV_CLASH ? y->sub : x->sub) != SITREP_EVENT_EXPLOSIONS || y->at - x->end > 3)
            continue;
        bool joined = false;
        for (size_t q = x->end; q < y->at; q++)
            joined |= sr_tok_is(c, q, "and");
        if (joined) {
            main = x->sub == EV_CLASH ? x : y;
            ev.sub = EV_CLASH;
        }
    }
    ev.trigger_start = c->tok[main->at].start;
    ev.trigger_end = c->tok[main->end - 1].end;
    date_of(c, lo, hi, t[0].at, slo, shi, &ev);
    bool definite = false; /* "the attack", "the hotel siege": it refers back */
    bool reaction = true;
    for (size_t k = 0; k < nt; k++) {
        definite |= t[k].definite;
        reaction &= t[k].reaction;
    }
    ev.reaction = reaction;
    /* "killed in an airplane accident", "the crash killed 120": a death
     * the clause puts down to an accident (events.lex accident) is no
     * violence */
    for (size_t k = lo; k < hi; k++)
        if (sr_tok_class(c, k, SR_LEX_EVENTS_ACCIDENT) && type_of(ev.sub) != SITREP_EVENT_EXPLOSIONS)
            return SITREP_OK;
    /* "to halt the murder of activists": a kind of crime, unless the
     * clause gives it a day of its own ("the massacre of priests today");
     * like a definite mention without place or day, it may add to a
     * happening the report tells, and stands alone only when it tells none */
    bool generic = true;
    for (size_t k = 0; k < nt; k++)
        generic &= t[k].generic;
    generic &= !(ev.from.year && ev.precision == SR_PREC_DAY && !ev.weak_date);
    bool target_place = false; /* the place is only the town of a target */
    /* a report filed from abroad names places of its dateline's country
     * as readily as of the one it is about */
    location_of(c, lo, hi, es->abroad ? es->c->ent[es->dateline].e.country : es->country_cc, &ev, &target_place);
    /* "Somalia's capital", "the capital of Somalia": the country's capital
     * when the article names it */
    if (ev.location >= 0 && sr_entity_is_country(&c->ent[ev.location]))
        for (size_t k = lo; k + 1 < hi; k++)
            if (sr_tok_class(c, k, SR_LEX_EVENTS_CAPITAL) && c->ent[ev.location].e.country) {
                for (size_t e = 0; e < c->nent; e++)
                    if (c->ent[e].e.kind == SITREP_ENTITY_PLACE && c->ent[e].e.feature &&
                        strcmp(c->ent[e].e.feature, "PPLC") == 0 && c->ent[e].e.country &&
                        strcmp(c->ent[e].e.country, c->ent[ev.location].e.country) == 0) {
                        ev.location = (int32_t)e;
                        break;
                    }
                break;
            }
    /* "some 60 people have been killed in fighting since January":
     * a clause whose only toll is a tally tells no happening */
    if (casualties(es, lo, hi, &ev) && !ev.fat_q && !ev.inj_q)
        return SITREP_OK;
    /* "killed a teacher, a nurse and a shopkeeper": the victims
     * named after a lethal trigger, when no figure gave the toll */
    for (size_t k = 0; k < nt && !ev.fat_q; k++)
        if (sr_tok_class(c, t[k].end - 1, SR_LEX_EVENTS_LETHAL)) {
            /* "the murder on Sunday in Cali of X and Y": a day or a place
             * between the noun and its "of" */
            size_t from = t[k].end;
            while (from < hi && from < t[k].end + 8 && !sr_tok_is(c, from, "of") &&
                   (c->at[from].time >= 0 || sr_tok_class(c, from, SR_LEX_EVENTS_PLACE_PREP) ||
                    (c->at[from].mention >= 0 && sr_entity_at(c, from, NULL)->e.kind == SITREP_ENTITY_PLACE)))
                from++;
            if (!sr_tok_is(c, from, "of"))
                from = t[k].end;
            bool told;
            double v = victims_after(c, from, hi, &told);
            if (v > 0) {
                ev.fat_low = ev.fat_high = v;
                ev.fat_q = SR_Q_EXACT;
                ev.fat_told = told;
            }
        }
    /* "the murder of four teachers and their three drivers": a list
     * whose first item is the figure that gave the toll counts more */
    for (size_t k = 0; k < nt && ev.fat_q == SR_Q_EXACT; k++)
        if (sr_tok_class(c, t[k].end - 1, SR_LEX_EVENTS_LETHAL)) {
            size_t from = t[k].end + (sr_tok_is(c, t[k].end, "of") ? 1 : 0), stop, items;
            if (from >= hi || c->at[from].figure < 0 || c->figs[c->at[from].figure].low != ev.fat_low)
                continue;
            double v = victims_list(c, from, hi, &stop, &items, NULL);
            if (items >= 2 && v > ev.fat_low)
                ev.fat_low = ev.fat_high = v;
        }
    /* "stormed the bank, killing a guard": a lethal word of the clause
     * that is not its trigger names the dead after it too */
    sitrep_event_type family = type_of(ev.sub);
    for (size_t k = lo; k + 1 < hi && !ev.fat_q; k++)
        if (sr_tok_class(c, k, SR_LEX_EVENTS_LETHAL) && !(c->tok[k].flags & SITREP_TOKF_CAP) &&
            (family == SITREP_EVENT_BATTLES || family == SITREP_EVENT_EXPLOSIONS ||
             family == SITREP_EVENT_VIOLENCE_CIVILIANS) &&
            !(k > lo && sr_tok_is(c, k - 1, "of") && c->tok[k].end - c->tok[k].start > 3 &&
              (c->src[c->tok[k].end - 1] | 0x20) == 'g')) { /* "accused of killing" */
            size_t stop, items;
            bool told;
            double v = victims_list(c, k + 1, hi, &stop, &items, &told); /* "the priests": how many untold */
            if (v > 0) {
                ev.fat_low = ev.fat_high = v;
                ev.fat_q = SR_Q_EXACT;
                ev.fat_told = told;
            }
        }
    /* "a guard and one of the cooks were killed": a list of
     * victims; it outnumbers a figure that counts a part of it */
    take_victims(c, lo, hi, &ev);
    /* "X was assassinated in an attack in which two of his guards were
     * also killed": the count is of others besides one victim the
     * sentence names alone */
    if (ev.fat_q && ev.fat_low >= 1)
        for (size_t k = slo; k + 1 < shi; k++)
            if (sr_tok_is(c, k, "also") &&
                (sr_tok_class(c, k + 1, SR_LEX_EVENTS_KILLED_PASSIVE) || sr_tok_is(c, k + 1, "died"))) {
                sr_event one;
                memset(&one, 0, sizeof one);
                stated_casualties(c, slo, k, &one);
                if (one.fat_q && one.fat_low == 1) {
                    ev.fat_low += 1;
                    ev.fat_high += 1;
                }
                break;
            }
    stated_casualties(c, slo, shi, &ev);
    /* "... on Sunday. No casualties were reported." */
    if (s + 1 < c->nsen && sr_tok_is(c, sr_sent_first(c, s + 1), "no"))
        stated_casualties(c, sr_sent_first(c, s + 1), sr_sent_end(c, s + 1), &ev);
    int32_t second = -1;
    uint8_t conf = 0;
    /* the forces named only by a common noun act in armed violence and
     * arrests; a crowd's protest is the crowd's */
    bool armed = type_of(ev.sub) != SITREP_EVENT_PROTESTS && type_of(ev.sub) != SITREP_EVENT_RIOTS &&
                 (type_of(ev.sub) != SITREP_EVENT_STRATEGIC || ev.sub == EV_ARRESTS);
    int forces = 0;
    int32_t perp = perpetrator(es, lo, hi, t[0].at, &second, &conf, armed ? &forces : NULL);
    bool police = forces == 2;
    uint32_t state = perp < 0 ? state_forces_of(c, lo, t[0].at, &police) : 0;
    /* "troops foiled an attempt to kidnap", "police defused a bomb": the
     * subject stopped it; only an armed group named is who tried */
    bool stopped = main->sub == EV_DISRUPTED;
    for (size_t k = lo; k < main->at && !stopped; k++)
        stopped = sr_tok_flag(c, k, SR_WI_IRREALIS) && attempted_to(c, main->at, lo);
    if (stopped) {
        if (perp >= 0 && c->ent[perp].e.kind != SITREP_ENTITY_ARMED_GROUP)
            perp = second = -1;
        state = 0;
        forces = 0;
    }
    if (perp >= 0) {
        add_actor(&ev, c->ent[perp].e.name);
        if (c->ent[perp].e.parent)
            add_actor(&ev, c->ent[perp].e.parent); /* its associated actor */
    } else if (state || forces) {
        /* a demonym's state, else the country the report is about */
        add_actor(&ev, forces_name(es, police, state ? state : es->country));
    } else if (!stopped) {
        add_actor(&ev, by_phrase(es, t[0].end, hi)); /* "murdered by a death squad" */
    }
    if (ev.nactors) {
        ev.perp = 1;
        ev.perp_conf = conf;
    }
    if (second >= 0)
        add_actor(&ev, c->ent[second].e.name);
    if (!stopped)
        between_sides(es, lo, hi, &ev);
    other_side(es, lo, hi, t[0].end, perp, &ev);
    /* what the generic attack hit decides its type */
    if (ev.sub == EV_ATTACK_GENERIC) {
        /* the first target named after it: a military one makes a clash,
         * a civilian one or none (an attack on people) violence against
         * civilians; armed men on both sides make a clash */
        bool mil = false, civ = false;
        /* "a guerrilla was killed": a passive's target is its subject */
        size_t from = main->at;
        if (main->at > lo && sr_tok_class(c, main->at - 1, SR_LEX_EVENTS_BE_PASSIVE))
            for (size_t k = main->at - 1; k > lo && main->at - k < 5 && from == main->at;) {
                k--;
                if (sr_tok_char(c, k, ',') || sr_tok_is(c, k, "and"))
                    break;
                if (sr_tok_class(c, k, SR_LEX_EVENTS_CIVILIAN_TARGET) ||
                    sr_tok_class(c, k, SR_LEX_EVENTS_MILITARY_TARGET))
                    from = k;
            }
        for (size_t k = from; k < hi && k < main->end + 10; k++) {
            if (sr_tok_char(c, k, ',') && k > main->end)
                break;
            if (sr_tok_class(c, k, SR_LEX_EVENTS_CIVILIAN_TARGET)) {
                civ = true;
                break;
            }
            if (sr_tok_class(c, k, SR_LEX_EVENTS_MILITARY_TARGET)) {
                civ = of_civilians(c, k, hi);
                mil = !civ;
                break;
            }
        }
        ev.vague = !mil && !civ;
        bool armed_other = false;
        for (size_t k = 0; k < ev.nactors; k++)
            for (size_t e = 0; e < c->nent && !armed_other; e++)
                armed_other = ev.nactors > 1 && k > 0 && c->ent[e].e.name == ev.actors[k] &&
                              (c->ent[e].e.kind == SITREP_ENTITY_ARMED_GROUP ||
                               c->ent[e].e.kind == SITREP_ENTITY_MILITARY);
        /* "repelled an attack": the attacked fought back */
        bool repelled = near_class(c, main->at, lo, hi, 4, 0, SR_LEX_EVENTS_REPEL);
        ev.sub = !mil && !armed_other && !repelled ? EV_VAC_ATTACK : EV_CLASH;
        /* "police raided four farms", "the farm was raided on
         * Wednesday", "817 properties have been raided": a search that
         * harmed nobody, by the state's forces or by no one the clause
         * names as an irregular force (an armed group, gunmen, rebels:
         * events.lex attacker, irregular_force), is no attack on civilians */
        if (ev.sub == EV_VAC_ATTACK && sr_tok_class(c, main->at, SR_LEX_EVENTS_RAID_WORD) && !ev.fat_q && !ev.inj_q) {
            bool irregular = perp >= 0 && c->ent[perp].e.kind == SITREP_ENTITY_ARMED_GROUP;
            for (size_t k = lo; k < hi && !irregular; k++) {
                const sr_entity *en = sr_entity_at(c, k, NULL);
                irregular = sr_tok_class(c, k, SR_LEX_EVENTS_ATTACKER) ||
                            sr_tok_class(c, k, SR_LEX_EVENTS_IRREGULAR_FORCE) ||
                            (en && en->e.kind == SITREP_ENTITY_ARMED_GROUP);
            }
            if (forces || state || (perp >= 0 && c->ent[perp].e.kind == SITREP_ENTITY_MILITARY) || !irregular)
                ev.sub = EV_OTHER;
        }
        /* "a terrorist attack on the newspaper ... the car bomb tore off
         * its front": an attack on no one named, told with explosives in
         * its paragraph, is a bombing */
        if (ev.sub == EV_VAC_ATTACK && ev.vague && bombs_told(c, s))
            ev.sub = EV_IED;
    }
    /* "Nigerian jets killed 30", "a drone hit a car": what struck from the air */
    if (ev.sub == EV_CLASH || ev.sub == EV_VAC_ATTACK) {
        for (size_t k = main->at; k > lo && main->at - k < 6;) {
            k--;
            if (sr_tok_class(c, k, SR_LEX_EVENTS_AIRCRAFT)) {
                ev.sub = EV_AIR;
                break;
            }
            if (sr_tok_char(c, k, ',') || c->at[k].figure >= 0)
                break;
        }
    }
    if (ev.sub == EV_VAC_ATTACK) {
        bool mil = false;
        for (size_t k = t[0].at; k < hi && k < t[0].at + 10; k++)
            mil |= sr_tok_class(c, k, SR_LEX_EVENTS_ARMED_TARGET) && !of_civilians(c, k, hi);
        if (mil)
            ev.sub = EV_CLASH;
    }
    /* a plural with only a place is a habit, not a happening ("has
     * conducted airstrikes in Syria") */
    bool plural = true;
    for (size_t k = 0; k < nt; k++)
        plural &= t[k].plural;
    /* who did it decides: protesters or a mob burning things riot */
    bool crowd_types = false;
    for (size_t k = 0; k < nt; k++)
        crowd_types |= t[k].sub == EV_LOOTING || t[k].sub == EV_MOB || t[k].sub == EV_PEACEFUL_PROTEST ||
                       t[k].sub == EV_VIOLENT_DEMO;
    if (crowd_types) {
        bool by_crowd = false, by_mob = false, stopped = false;
        for (size_t k = lo; k < hi; k++) {
            by_crowd |= sr_tok_class(c, k, SR_LEX_EVENTS_CROWD);
            by_mob |= sr_tok_class(c, k, SR_LEX_EVENTS_MOB_WORD);
            stopped |= sr_tok_class(c, k, SR_LEX_EVENTS_DISPERSAL) ||
                       (sr_tok_is(c, k, "broke") && sr_tok_is(c, k + 1, "up"));
        }
        bool destroyed = false;
        for (size_t k = 0; k < nt; k++)
            destroyed |= t[k].sub == EV_LOOTING;
        if ((ev.sub == EV_LOOTING || ev.sub == EV_MOB) && by_mob)
            ev.sub = EV_MOB;
        else if (destroyed && by_crowd)
            ev.sub = EV_VIOLENT_DEMO;
        if (ev.sub == EV_PEACEFUL_PROTEST && stopped)
            ev.sub = EV_PROTEST_INTERVENTION;
    }
    /* "... killed 40 villagers there": the place named before */
    if (ev.location < 0)
        for (size_t k = lo; k < hi; k++)
            if (sr_tok_is(c, k, "there")) {
                ev.location = town_before(c, k);
                break;
            }
    /* a toll of its own: not one restated from a count told before
     * ("the murder of the priests") */
    bool own_toll = (ev.fat_q && !ev.fat_told) || ev.inj_q;
    /* an event the text does not place happened where the article was
     * filed from, when its dateline names a place */
    if (ev.location < 0 && es->dateline >= 0 && !definite && (ev.from.year || own_toll) && filed_home(es)) {
        ev.location = es->dateline;
        ev.framed = es->abroad; /* report_frame places it in the country the report is about */
    }
    /* "in the town", "in the city": the place named before */
    if (ev.location < 0)
        for (size_t k = lo; k + 2 < hi; k++)
            if (sr_tok_is(c, k, "in") && sr_tok_is(c, k + 1, "the") &&
                sr_tok_class(c, k + 2, SR_LEX_EVENTS_SETTLEMENT) &&
                !sr_entity_at(c, k + 3, NULL) && !sr_tok_is(c, k + 3, "of")) {
                ev.location = town_before(c, k);
                break;
            }
    /* "The assailants arrived on motorbikes in X and opened fire": the
     * perpetrators named back with "the", without a toll of the clause's
     * own or "also"/"again", tell more of the happening told before (when
     * its day agrees: dates_overlap below) */
    /* ... and with "also" alone when the clause has no place nor day of
     * its own either: "The attackers also set off explosives" is more of
     * the same happening, not another */
    bool same_doers = false;
    if (!definite && !own_toll) {
        bool back = false, also = false, other = false;
        for (size_t k = lo; k < t[0].at; k++) {
            back |= k > lo && sr_tok_is(c, k - 1, "the") && sr_tok_class(c, k, SR_LEX_EVENTS_ATTACKER);
            also |= sr_tok_class(c, k, SR_LEX_EVENTS_SEQUEL);
            other |= sr_tok_class(c, k, SR_LEX_EVENTS_SEQUEL) && !sr_tok_is(c, k, "also");
        }
        if (back && !also)
            definite = true;
        else if (back && !other && ev.location < 0 && !ev.from.year)
            definite = same_doers = true;
        if (same_doers)
            ev.vague = 1; /* what they also did does not retype the happening */
    }
    bool verb_only = true; /* "killed 9" alone needs a place or a date */
    for (size_t k = 0; k < nt; k++)
        verb_only &= sr_tok_class(c, t[k].at, SR_LEX_EVENTS_KILL_VERB);
    /* "X residents", "a X hotel" tell whose a target is more than where
     * something happened: such a place anchors no happening */
    bool placed = ev.location >= 0 && (!target_place || (es->dateline >= 0 && !definite && own_toll && filed_home(es)));
    if (verb_only && !placed && !ev.from.year && !definite)
        return SITREP_OK;
    /* a happening has a place or a date; casualties alone may be history
     * told without either ("killed thousands of members of ...") */
    bool anchored = ((placed && (!plural || own_toll)) || ev.from.year) && !generic;
    /* "Gunmen raided a village on Wednesday evening. They placed a bomb
     * under a car.": the paragraph's day is this sentence's too */
    bool inherited = false;
    if (!anchored && !definite && !plural)
        for (size_t p = s, steps = 0; p > 0 && steps < 2 && !anchored; steps++) {
            if (c->tok[sr_sent_first(c, p)].flags & SITREP_TOKF_PARA_START)
                break;
            p--;
            size_t plo = sr_sent_first(c, p), phi = sr_sent_end(c, p);
            sr_event d;
            memset(&d, 0, sizeof d);
            if (day_dated(c, plo, phi) && date_in(c, plo, phi, phi, plo, phi, false, &d) &&
                d.precision == SR_PREC_DAY) {
                ev.from = d.from;
                ev.to = d.to;
                ev.precision = d.precision;
                anchored = inherited = true;
            }
        }
    if (!anchored && !definite)
        return SITREP_OK; /* "the raid left 30 dead" may still add to the raid told before */
    ev.first_sen = ev.last_sen = (uint32_t)s;
    ev.nspans = 1;
    ev.span_start[0] = c->sen[s].span.start;
    ev.span_end[0] = c->sen[s].span.end;
    /* "survivors of the massacre", "the anniversary of the bombing": a
     * happening told before or long ago; it may add to one told here,
     * never starts one */
    bool long_ago = false;
    for (size_t k = 0; k < nt; k++) {
        size_t a = t[k].at;
        if (a > lo + 2 && sr_tok_class(c, a - 1, SR_LEX_EVENTS_REFER_BACK) && sr_tok_is(c, a - 2, "of") &&
            sr_tok_class(c, a - 3, SR_LEX_EVENTS_AFTERMATH))
            anchored = false, long_ago = true;
        /* "two weeks after the massacre", "a year since the bombing": told
         * as the time gone by since it */
        if (a > lo + 2 && sr_tok_class(c, a - 1, SR_LEX_EVENTS_REFER_BACK) &&
            (sr_tok_is(c, a - 2, "after") || sr_tok_is(c, a - 2, "since")) && c->at[a - 3].time >= 0 &&
            c->times[c->at[a - 3].time].kind == SR_TIME_DURATION)
            anchored = false, long_ago = true;
    }
    /* "a second attack", "another bombing", "also attacked": one more
     * happening, not the one told before */
    bool fresh = false;
    for (size_t k = 0; k < nt && !same_doers; k++)
        fresh |= near_class(c, t[k].at, lo, hi, 3, 0, SR_LEX_EVENTS_SEQUEL); /* "another car bomb" */
    fresh |= sr_tok_class(c, slo, SR_LEX_EVENTS_SEQUEL) && lo == slo; /* "Later Sunday, gunmen stormed" */
    if (fresh)
        definite = false;
    /* a later reference to the same happening */
    size_t n = SR_VEC_COUNT(out, sr_event);
    sr_event *all = (sr_event *)(void *)out->data;
    bool seen = false; /* a happening of its kind told nearer before */
    for (size_t k = n; k > first_event && n - k < 64 && !fresh; k--) {
        sr_event *a = &all[k - 1];
        /* "the siege", "the attack" name any violent happening: the word's
         * own sub-event, before its target typed it */
        int named = (definite && main->sub == EV_ATTACK_GENERIC) || inherited || same_doers ? EV_ATTACK_GENERIC : ev.sub;
        /* "the murder" told on the very day of one told before is that
         * one, even where the two sentences' places read differently (a
         * town and the city it is told from) */
        bool same_day = definite && a->precision == SR_PREC_DAY && ev.precision == SR_PREC_DAY && a->from.year &&
                        ev.from.year && sr_date_cmp(&a->from, &ev.from) == 0 && sr_date_cmp(&a->to, &ev.to) == 0;
        /* "the camp" of "attacked a camp" before, with no day of its
         * own: more of that happening (shelled, then stormed) */
        bool its_target = !ev.from.year && by_force(a->sub) && by_force(ev.sub) && names_its_target(c, lo, hi, a);
        /* "... ambushed his convoy; a cook and two escorts were killed":
         * a kill verb alone, placed nowhere, in the sentence of a violent
         * happening told just before, is that happening's toll */
        bool its_toll = verb_only && ev.location < 0 && a->last_sen == s && by_force(a->sub) && (!a->fat_q || !ev.fat_q);
        if (its_toll) {
            merge_event(c, a, &ev);
            return SITREP_OK;
        }
        if ((!same_family(a->sub, named) && !its_target) || !dates_overlap(a, &ev) ||
            (!places_agree(c, a, &ev) && !same_day))
            continue;
        /* a toll restated from a count before ("the murder of the
         * priests") is none of its own */
        bool same_toll = !a->fat_q || !ev.fat_q || ev.fat_told || (a->fat_low == ev.fat_low);
        bool same_all = a->sub == ev.sub && a->location == ev.location && a->location >= 0 &&
                        a->from.year && ev.from.year && same_toll;
        /* a sentence that names no place nor day of its own, right after
         * one of the same kind of happening, tells more of it */
        bool more = inherited && ev.location < 0 && a->last_sen + 2 >= s && same_toll;
        /* "Gunmen bombed the bank in X on Monday." ... four sentences on,
         * "the bank was bombed by gunmen who fled": a happening told again
         * without a day of its own, well after the sentence that first
         * told the nearest one of its kind (events.lex retelling), is the
         * body retelling the lead; a list of happenings is told sentence
         * after sentence, and stays a list */
        bool retold = !seen && !ev.from.year && same_toll && same_family(a->sub, ev.sub) &&
                      a->first_sen + SR_LEXK_EVENTS_RETELLING_GAP < s;
        if ((definite && same_toll) || same_all || more || retold || (its_target && same_toll)) {
            merge_event(c, a, &ev);
            return SITREP_OK;
        }
        seen = true; /* the nearest of its kind is another happening */
    }
    /* "the murder of the judge" with no place, day or toll of its own,
     * referring back to nothing told before: kept as a mention, which
     * sr_find_events adds to a happening the report tells, or keeps when
     * the report tells none */
    if (!anchored) {
        if (long_ago)
            return SITREP_OK;
        ev.nominal = 1;
    }
    /* "attacked A, B and C": one happening in each town listed (ACLED
     * codes one event per place and day); the toll told for all of them
     * stays with the first */
    /* (a day, or none the text gives: "attacks in A and B in February" are
     * a tally) */
    int32_t towns[8];
    size_t town_at_tok[8];
    size_t ntowns = ev.nominal || ev.location < 0 || !es->anchor.year || c->doc->published_borrowed ||
                            (ev.from.year && ev.precision != SR_PREC_DAY)
                        ? 0
                        : town_list(c, lo, hi, ev.location, towns, town_at_tok, 8);
    for (size_t k = 0; k < ntowns; k++) {
        sr_event one = ev;
        one.location = towns[k];
        if (k > 0) {
            /* the words that tell it from the others: its town */
            size_t q = town_at_tok[k];
            one.trigger_start = c->tok[q].start;
            while (q + 1 < hi && c->at[q + 1].mention == c->at[town_at_tok[k]].mention)
                q++;
            one.trigger_end = c->tok[q].end;
            one.fat_q = one.inj_q = 0;
            one.fat_low = one.fat_high = one.inj_low = one.inj_high = 0;
        }
        if (!SR_VEC_PUSH(out, sr_event, one))
            return SITREP_ENOMEM;
    }
    if (ntowns)
        return SITREP_OK;
    return SR_VEC_PUSH(out, sr_event, ev) ? SITREP_OK : SITREP_ENOMEM;
}

/* A report relaying another's dateline: "BOGOTA, 4 SEP (RADIO X) --
 * [TEXT] MEDELLIN -- ...": the place after the first dateline's dash (and
 * any bracketed note) that a dash follows is where the report was filed
 * from.  q is a token of the first dateline after its place e. */
static int32_t inner_dateline(const sr_context *c, size_t q, int32_t e)
{
    size_t end = q + 16 < c->ntok ? q + 16 : c->ntok;
    while (q < end && !sr_tok_dash(c, q))
        q++;
    while (q < end && sr_tok_dash(c, q))
        q++;
    while (q < end && sr_tok_char(c, q, '[')) {
        while (q < end && !sr_tok_char(c, q, ']'))
            q++;
        q++;
    }
    int32_t f;
    const sr_entity *en = q < end ? sr_entity_at(c, q, &f) : NULL;
    if (!en || en->e.kind != SITREP_ENTITY_PLACE || !((c->tok[q].flags & SITREP_TOKF_ALLCAPS) || c->doc->caseless))
        return e;
    size_t k = q;
    while (k + 1 < c->ntok && c->at[k + 1].mention == c->at[q].mention)
        k++;
    return sr_tok_dash(c, k + 1) ? f : e;
}

/* The dateline's place: a place in capitals opening one of the first
 * paragraphs and followed by "(AP)", ", Somalia" or a dash. */
static int32_t dateline_place(const sr_context *c)
{
    size_t paragraphs = 0;
    for (size_t i = 0; i < c->ntok && paragraphs < 6; i++) {
        if (!(c->tok[i].flags & SITREP_TOKF_PARA_START))
            continue;
        paragraphs++;
        int32_t e;
        const sr_entity *en = sr_entity_at(c, i, &e);
        /* a dateline is in capitals, unless the whole text was (then it
         * was given the case of prose: truecase.h) */
        if (!en || en->e.kind != SITREP_ENTITY_PLACE ||
            !((c->tok[i].flags & SITREP_TOKF_ALLCAPS) || c->doc->caseless))
            continue;
        size_t k = i;
        while (k + 1 < c->ntok && c->at[k + 1].mention == c->at[i].mention)
            k++;
        for (size_t q = k + 1; q < c->ntok && q < k + 9; q++)
            if (sr_tok_char(c, q, '(') || sr_tok_char(c, q, '-') ||
                (c->tok[q].end - c->tok[q].start == 3 && c->src[c->tok[q].start] == '\xE2'))
                return inner_dateline(c, q, e);
    }
    return -1;
}

/* ---- responsibility told anywhere in the report ---- */

/* Does sentence s tie an actor to a happening, and whom: "X claimed
 * responsibility for the murder", "the bombing was attributed to X",
 * "police blamed X", "X carried out the attack"?  -1 when not; *conf gets
 * how.  Each test runs only where the sentence has a word of its class
 * (sr_sent_may). */
static int32_t responsible(const estate *es, size_t s, uint8_t *conf)
{
    const sr_context *c = es->c;
    size_t lo = sr_sent_first(c, s), hi = sr_sent_end(c, s);
    bool claim = false;
    for (size_t k = lo; k < hi && sr_sent_may(c, s, SR_LEX_EVENTS_CLAIM); k++) {
        claim |= sr_tok_class(c, k, SR_LEX_EVENTS_RESPONSIBILITY) && k > lo &&
                 (sr_tok_phrase(c, k - 1, hi, SR_LEX_EVENTS_CLAIM, NULL) ||
                  (k > lo + 1 && sr_tok_phrase(c, k - 2, hi, SR_LEX_EVENTS_CLAIM, NULL)));
        claim |= sr_tok_phrase(c, k, hi, SR_LEX_EVENTS_CLAIM, NULL) > 1; /* "took credit" */
    }
    int32_t who = claim ? claimed_by(es, lo, hi) : -1;
    if (who >= 0) {
        *conf = SR_PERP_CLAIMED;
        return who;
    }
    who = sr_sent_may(c, s, SR_LEX_EVENTS_BLAME) ? blamed(c, lo, hi) : -1;
    if (who >= 0) {
        *conf = SR_PERP_ACCUSED;
        return who;
    }
    /* "X carried out", "X was responsible": the actor before the cue */
    for (size_t k = lo; k < hi && sr_sent_may(c, s, SR_LEX_EVENTS_DOER_CUE); k++) {
        if (!sr_tok_phrase(c, k, hi, SR_LEX_EVENTS_DOER_CUE, NULL))
            continue;
        for (size_t q = k; q > lo && k - q < 8; q--) {
            int32_t e;
            if (actor_kind(sr_entity_at(c, q - 1, &e))) {
                *conf = hedged(c, lo, hi) ? SR_PERP_SUSPECTED : SR_PERP_REPORTED;
                return e;
            }
        }
        /* "X, which ..., said that its fighters had carried out the
         * attack": "its" is the speaker, the actor the sentence opens
         * with before its speech verb */
        bool its = false;
        for (size_t q = k; q > lo && k - q < 5 && !its;) {
            q--;
            its = sr_tok_is(c, q, "its") || sr_tok_is(c, q, "their");
        }
        if (!its)
            continue;
        for (size_t r = lo; r < k && !sr_tok_flag(c, r, SR_WI_SPEECH); r++) {
            int32_t e;
            if (actor_kind(sr_entity_at(c, r, &e))) {
                *conf = SR_PERP_CLAIMED;
                return e;
            }
        }
    }
    return -1;
}

/* Is entity `who` named in the event already (as the other side)? */
static bool names_actor(const sr_event *ev, const sr_entity *who)
{
    for (size_t k = 0; k < ev->nactors; k++)
        if (strcmp(ev->actors[k], who->e.name) == 0)
            return true;
    return false;
}

/* The sentence the span starting at byte `start` opens: the first whose
 * start is not before it, among sentences [0, s) (s when none). */
static size_t span_sentence(const sr_context *c, uint32_t start, size_t s)
{
    size_t a = 0, b = s;
    while (a < b) {
        size_t m = (a + b) / 2;
        if (c->sen[m].span.start < start)
            a = m + 1;
        else
            b = m;
    }
    return a;
}

/* The last sentence before s (a sentence index) that tells event e, or
 * UINT32_MAX when none does.  `opens`, when not NULL, holds
 * span_sentence(span_start[j], nsen) for each of e's spans (the same
 * answer, found once per event instead of once per sentence). */
static uint32_t told_before(const sr_context *c, const sr_event *e, const uint32_t *opens, size_t s)
{
    uint32_t best = UINT32_MAX;
    uint32_t at = c->sen[s].span.start;
    for (size_t j = 0; j < e->nspans; j++) {
        if (e->span_start[j] >= at)
            continue;
        /* the sentence the span opens (sentences are in text order) */
        size_t a = opens ? (opens[j] < s ? opens[j] : s) : span_sentence(c, e->span_start[j], s);
        if (a < s && (best == UINT32_MAX || a > best))
            best = (uint32_t)a;
    }
    if (e->nspans == SR_EVENT_SPANS && e->last_sen < s && (best == UINT32_MAX || e->last_sen > best))
        best = e->last_sen; /* more sentences than the spans keep */
    return best;
}

/* Can tokens [lo, hi) give a toll to casualties, take_victims or
 * stated_casualties at all?  Each starts from a figure a claim measures
 * or a word of events.lex toll_start (the union of the classes they start
 * from), in the span or right after it ("was" + "shot" is read across the
 * span's end).  A sentence with none is not read for a toll (orphan_tolls:
 * most sentences after an event tell none). */
static bool may_tell_toll(const estate *es, size_t lo, size_t hi)
{
    const sr_context *c = es->c;
    for (size_t k = lo; k <= hi && k < c->ntok; k++) {
        if (sr_lex_in(c->wi[k].lex, SR_LEX_EVENTS_TOLL_START))
            return true;
        int32_t f = c->at[k].figure;
        if (k < hi && f >= 0 && es->fig_claim[f] >= 0)
            return true;
    }
    return false;
}

/* "Twelve people were wounded, police said.": a toll told in a sentence of
 * its own that tells no event is the event's told last before it (in the
 * sentence before or the one before that, no other event begun between),
 * when that event has none of that kind.  The event may go on after it:
 * "A bomb exploded in a bank. Five people were injured. The blast
 * destroyed the bank." */
static void orphan_tolls(const estate *es, sr_event *ev, size_t n)
{
    const sr_context *c = es->c;
    /* the sentence each event's spans open, found once (most reports tell
     * a few events; more are searched sentence by sentence) */
    uint32_t opens[32 * SR_EVENT_SPANS];
    bool have_opens = n <= 32;
    for (size_t k = 0; have_opens && k < n; k++)
        for (size_t j = 0; j < ev[k].nspans; j++)
            opens[k * SR_EVENT_SPANS + j] = (uint32_t)span_sentence(c, ev[k].span_start[j], c->nsen);
    /* the sentences some event's span opens (the sentence told_before
     * finds for it) or an event with more sentences than its spans keep
     * ends in: a toll is taken only within two sentences after one, the
     * others are not searched (kept for the first 4096 sentences) */
    uint64_t after[4096 / 64];
    bool gate = c->nsen <= 4096;
    if (gate) {
        memset(after, 0, sizeof after);
        for (size_t k = 0; k < n; k++) {
            for (size_t j = 0; j < ev[k].nspans; j++) {
                size_t a = have_opens ? opens[k * SR_EVENT_SPANS + j]
                                      : span_sentence(c, ev[k].span_start[j], c->nsen);
                if (a < c->nsen)
                    after[a / 64] |= 1ull << (a % 64);
            }
            if (ev[k].nspans == SR_EVENT_SPANS && ev[k].last_sen < c->nsen)
                after[ev[k].last_sen / 64] |= 1ull << (ev[k].last_sen % 64);
        }
    }
    for (size_t s = 0; s < c->nsen; s++) {
        if (gate && !(s >= 1 && (after[(s - 1) / 64] >> ((s - 1) % 64) & 1)) &&
            !(s >= 2 && (after[(s - 2) / 64] >> ((s - 2) % 64) & 1)))
            continue; /* no event told in the two sentences before */
        size_t lo = sr_sent_first(c, s), hi = sr_sent_end(c, s);
        if (!may_tell_toll(es, lo, hi))
            continue; /* nothing the readers below start from */
        sr_event *last = NULL;
        uint32_t near = 0;
        bool told = false;
        uint32_t at = c->sen[s].span.start;
        for (size_t k = 0; k < n; k++) {
            for (size_t j = 0; j < ev[k].nspans; j++)
                told |= ev[k].span_start[j] == at; /* the sentence tells an event already */
            if (ev[k].nspans == SR_EVENT_SPANS && ev[k].first_sen <= s && ev[k].last_sen >= s)
                told = true; /* its sentences past the spans kept are unknown */
            uint32_t b = ev[k].first_sen < s
                             ? told_before(c, &ev[k], have_opens ? opens + k * SR_EVENT_SPANS : NULL, s)
                             : UINT32_MAX;
            if (b != UINT32_MAX && (!last || b > near)) {
                last = &ev[k];
                near = b;
            }
        }
        if (told || !last || s - near > 2)
            continue;
        /* another event begun after it was last told and before this
         * sentence */
        bool between = false;
        for (size_t k = 0; k < n; k++)
            between |= &ev[k] != last && ev[k].first_sen > near && ev[k].first_sen < s;
        if (between)
            continue;
        /* "X was killed. His son and two guards were also killed.": more
         * dead of the same happening, added */
        bool also = false;
        for (size_t k = lo + 1; k + 1 < hi && !also; k++)
            also = sr_tok_is(c, k, "also") &&
                   (sr_tok_class(c, k + 1, SR_LEX_EVENTS_KILLED_PASSIVE) || sr_tok_is(c, k + 1, "died")) &&
                   (sr_tok_is(c, k - 1, "were") || sr_tok_is(c, k - 1, "was"));
        /* an event with both its tolls takes nothing from the sentence
         * but more dead "also" killed: not read for it */
        if (last->fat_q && last->inj_q && !also)
            continue;
        sr_event got;
        memset(&got, 0, sizeof got);
        casualties(es, lo, hi, &got);
        /* "A guard and a driver were wounded.", "A waiter was wounded.",
         * "Nobody was injured.": victims without a figure */
        take_victims(c, lo, hi, &got);
        stated_casualties(c, lo, hi, &got);
        if (got.fat_q && !last->fat_q) {
            last->fat_low = got.fat_low;
            last->fat_high = got.fat_high;
            last->fat_q = got.fat_q;
        } else if (also && got.fat_q == SR_Q_EXACT && got.fat_low > 0 && !got.fat_told && last->fat_q) {
            last->fat_low += got.fat_low;
            last->fat_high += got.fat_high;
        }
        if (got.inj_q && !last->inj_q) {
            last->inj_low = got.inj_low;
            last->inj_high = got.inj_high;
            last->inj_q = got.inj_q;
        }
    }
}

/* Where a common noun phrase of doers starting at token r ends: the
 * longest run of up to four words (no name, figure or function word) that
 * ends in a blamed_noun ("the drug trafficking rings operating in ...":
 * up to "rings"), or with `any_doer` also a group_noun or attacker; r when
 * none. */
static size_t doers_end(const sr_context *c, size_t r, size_t hi, bool any_doer)
{
    size_t e = r, head = r;
    while (e < hi && e < r + 4 && sr_tok_word(c, e) && c->at[e].mention < 0 && c->at[e].figure < 0 &&
           !sr_wordset_has(&sr_function_words, c->src + c->tok[e].start, c->tok[e].end - c->tok[e].start)) {
        if (sr_tok_class(c, e, SR_LEX_EVENTS_BLAMED_NOUN) ||
            (any_doer && (sr_tok_class(c, e, SR_LEX_EVENTS_GROUP_NOUN) || sr_tok_class(c, e, SR_LEX_EVENTS_ATTACKER))))
            head = e + 1;
        e++;
    }
    return head;
}

/* "murdered by a death squad", "killed by drug traffickers": doers named
 * by a common noun phrase right after "by" (up to four words ending in a
 * blamed_noun, events.lex: cartels, gangs, squads, paramilitaries), as a
 * name made of the words; NULL when none. */
static const char *by_phrase(const estate *es, size_t at, size_t hi)
{
    const sr_context *c = es->c;
    if (!es->arena)
        return NULL;
    for (size_t k = at; k + 1 < hi && k < at + 8; k++) {
        if (sr_tok_char(c, k, ',') || sr_tok_char(c, k, ';'))
            return NULL;
        if (!sr_tok_is(c, k, "by"))
            continue;
        size_t r = k + 1;
        if (sr_tok_is(c, r, "a") || sr_tok_is(c, r, "an") || sr_tok_is(c, r, "the"))
            r++;
        size_t head = doers_end(c, r, hi, false);
        return head > r ? phrase_name(es, r, head, false) : NULL;
    }
    return NULL;
}

/* Tokens [r, e) as a name in the document's arena, its first letter (each
 * word's when `title`) in capitals: a name the text gives by words the
 * name finder did not make an actor. */
static const char *phrase_name(const estate *es, size_t r, size_t e, bool title)
{
    const sr_context *c = es->c;
    char buf[160];
    size_t n = 0;
    for (size_t w = r; w < e; w++) {
        size_t len = c->tok[w].end - c->tok[w].start;
        if (n + len + 1 >= sizeof buf)
            return NULL;
        if (n)
            buf[n++] = ' ';
        for (size_t i = 0; i < len; i++) {
            char ch = c->src[c->tok[w].start + i];
            bool first = i == 0 && (n == 0 || title);
            if (first && ch >= 'a' && ch <= 'z')
                ch = (char)(ch - 32);
            else if (!first && ch >= 'A' && ch <= 'Z')
                ch = (char)(ch + 32);
            buf[n++] = ch;
        }
    }
    return sr_arena_strndup(es->arena, buf, n);
}

/* Events that the text leaves without a perpetrator take the one another
 * sentence of the report names for them: the event told in that sentence,
 * else the last one told before it of the family its words name ("claimed
 * responsibility for the bombing"), else the last one told before it.
 * The victims' side (an actor the event names already) is never the
 * perpetrator. */
/* "attributed to the drug mafias", "blamed it on death squads": doers
 * named by a common noun phrase after a blame cue (up to four words
 * ending in a noun of an armed group or its members), as a name made of
 * its words ("Drug mafias"); NULL when there is none. */
static const char *blamed_phrase(const estate *es, size_t lo, size_t hi)
{
    const sr_context *c = es->c;
    if (!es->arena)
        return NULL;
    for (size_t k = lo; k < hi; k++) {
        if (!sr_tok_class(c, k, SR_LEX_EVENTS_BLAME) || sr_tok_class(c, k, SR_LEX_EVENTS_ACCUSE))
            continue;
        for (size_t q = k + 1; q + 1 < hi && q < k + 8; q++) {
            if (!sr_tok_class(c, q, SR_LEX_EVENTS_BLAME_PREP))
                continue;
            size_t r = q + 1;
            if (sr_tok_is(c, r, "the"))
                r++;
            size_t head = doers_end(c, r, hi, true);
            if (head == r)
                break;
            return phrase_name(es, r, head, false);
        }
    }
    return NULL;
}

/* "the Northern Volunteer Force [NVF] today claimed responsibility": the
 * name before a claim of responsibility, ending in an organisation's head
 * (entities.lex org_heads: "force", "brigade", "unit"), when the name
 * finder made no actor of it; past its time ("tonight"), an aside in
 * brackets and its quotes. */
static const char *claim_phrase(const estate *es, size_t lo, size_t hi)
{
    const sr_context *c = es->c;
    if (!es->arena)
        return NULL;
    for (size_t k = lo + 1; k < hi; k++) {
        size_t n = sr_tok_phrase(c, k, hi, SR_LEX_EVENTS_CLAIM, NULL);
        if (!n || !((k + n < hi && sr_tok_class(c, k + n, SR_LEX_EVENTS_RESPONSIBILITY)) ||
                    (k + n + 1 < hi && sr_tok_class(c, k + n + 1, SR_LEX_EVENTS_RESPONSIBILITY))))
            continue;
        size_t q = k;
        while (q > lo && (c->at[q - 1].time >= 0 || sr_tok_char(c, q - 1, '"')))
            q--;
        if (q > lo && sr_tok_char(c, q - 1, ']'))
            while (q > lo && !sr_tok_char(c, q - 1, '['))
                q--;
        if (q > lo && sr_tok_char(c, q - 1, '['))
            q--;
        while (q > lo && sr_tok_char(c, q - 1, '"'))
            q--;
        size_t e = q, r = q;
        while (r > lo && e - r < 6 && sr_tok_word(c, r - 1) && c->at[r - 1].figure < 0 &&
               !sr_wordset_has(&sr_function_words, c->src + c->tok[r - 1].start,
                               c->tok[r - 1].end - c->tok[r - 1].start) &&
               !sr_tok_flag(c, r - 1, SR_WI_EVENT))
            r--;
        if (e - r < 2 || !sr_tok_class(c, e - 1, SR_LEX_ENTITIES_ORG_HEADS))
            return NULL;
        return phrase_name(es, r, e, true);
    }
    return NULL;
}

static void responsibility(const estate *es, sr_event *ev, size_t n)
{
    const sr_context *c = es->c;
    if (n == 0)
        return;
    for (size_t s = 0; s < c->nsen; s++) {
        size_t lo = sr_sent_first(c, s), hi = sr_sent_end(c, s);
        uint8_t conf = 0;
        int32_t who = responsible(es, s, &conf);
        /* no group named in the report: the doers a blame names by a
         * common noun ("attributed to the drug mafias") */
        const char *phrase = NULL;
        if (who < 0 && es->dominant < 0 && sr_sent_may(c, s, SR_LEX_EVENTS_BLAME)) {
            phrase = blamed_phrase(es, lo, hi);
            conf = SR_PERP_ACCUSED;
        }
        if (who < 0 && !phrase && sr_sent_may(c, s, SR_LEX_EVENTS_CLAIM)) {
            phrase = claim_phrase(es, lo, hi);
            conf = SR_PERP_CLAIMED;
        }
        if (who < 0 && !phrase)
            continue;
        const char *name = who >= 0 ? c->ent[who].e.name : phrase;
        uint32_t at = c->sen[s].span.start;
        /* the happening the sentence names */
        int sub = EV_NONE;
        for (size_t i = lo; i < hi && sub == EV_NONE; i++) {
            size_t len;
            bool plural;
            if (sr_tok_flag(c, i, SR_WI_EVENT))
                sub = trigger_at(c, i, lo, hi, &len, &plural);
        }
        sr_event *pick = NULL;
        for (size_t k = 0; k < n && !pick; k++)
            for (size_t j = 0; j < ev[k].nspans; j++)
                if (ev[k].span_start[j] == at)
                    pick = &ev[k];
        for (size_t k = n; k-- > 0 && !pick;)
            if (ev[k].span_start[0] < at && (sub == EV_NONE || same_family(ev[k].sub, sub)))
                pick = &ev[k];
        if (!pick || pick->perp || (who >= 0 && names_actor(pick, &c->ent[who])))
            continue;
        const char *keep[SR_EVENT_ACTORS];
        size_t na = pick->nactors;
        memcpy(keep, pick->actors, sizeof keep);
        pick->nactors = 0;
        add_actor(pick, name);
        for (size_t k = 0; k < na; k++)
            add_actor(pick, keep[k]);
        pick->perp = 1;
        pick->perp_conf = conf;
    }
}

/* Does the event's family have a perpetrator at all (armed violence,
 * looting; not a protest, an arrest, a deal)? */
static bool violent_family(int sub)
{
    sitrep_event_type t = type_of(sub);
    return t == SITREP_EVENT_BATTLES || t == SITREP_EVENT_EXPLOSIONS || t == SITREP_EVENT_VIOLENCE_CIVILIANS ||
           sub == EV_LOOTING;
}

/* Events of armed violence that neither their own sentence nor any
 * responsibility sentence tie to anyone take the armed group the report
 * is about: the one its events name as doer, when they name one group
 * only, else the armed group it names most (sr_dominant_group), as
 * suspected.  Never the victims' side: a group the event names already. */
static void article_perpetrator(const estate *es, sr_event *ev, size_t n)
{
    const sr_context *c = es->c;
    int32_t doer = -1;
    bool several = false;
    for (size_t k = 0; k < n; k++) {
        if (!ev[k].perp || !ev[k].nactors)
            continue;
        for (size_t e = 0; e < c->nent; e++)
            if (c->ent[e].e.kind == SITREP_ENTITY_ARMED_GROUP && strcmp(c->ent[e].e.name, ev[k].actors[0]) == 0) {
                if (doer >= 0 && doer != (int32_t)e)
                    several = true;
                doer = (int32_t)e;
                break;
            }
    }
    int32_t who = doer >= 0 && !several ? doer : es->dominant;
    if (who < 0)
        return;
    const sr_entity *en = &c->ent[who];
    for (size_t k = 0; k < n; k++) {
        if (ev[k].perp || !violent_family(ev[k].sub) || names_actor(&ev[k], en))
            continue;
        const char *keep[SR_EVENT_ACTORS];
        size_t na = ev[k].nactors;
        memcpy(keep, ev[k].actors, sizeof keep);
        ev[k].nactors = 0;
        add_actor(&ev[k], en->e.name);
        for (size_t j = 0; j < na; j++)
            add_actor(&ev[k], keep[j]);
        ev[k].perp = 1;
        ev[k].perp_conf = SR_PERP_SUSPECTED;
    }
}

/* The report's own frame for what its text leaves open: an event the
 * text does not date happened on or before the report, in the month up to
 * its date (a wire report tells recent news); one it does not place
 * happened in the country the report is about. */
static void report_frame(const estate *es, sr_event *ev, size_t n)
{
    const sr_context *c = es->c;
    sr_date published = {0, 0, 0};
    const char *d = c->doc->published;
    size_t at, used;
    if (d)
        sr_date_find(d, strlen(d), &published, &at, &used);
    for (size_t k = 0; k < n; k++) {
        /* told from a dateline abroad: in the country the report is about */
        if (ev[k].framed && ev[k].location == es->dateline)
            ev[k].location = -1;
        if (!ev[k].from.year && published.year && published.day) {
            ev[k].to = published;
            ev[k].from = sr_date_add_days(&published, -30);
            ev[k].precision = SR_PREC_MONTH;
            ev[k].weak_date = 2;
        }
        /* a happening the text never places (one told as "the attack",
         * with neither day nor toll of its own): where the report was
         * filed from, when its dateline names a place of the country it
         * is about */
        if (ev[k].location < 0 && es->dateline >= 0 && c->ent[es->dateline].e.country &&
            strcmp(c->ent[es->dateline].e.country, es->country_cc) == 0)
            ev[k].location = es->dateline;
        if (ev[k].location < 0) {
            ev[k].region = es->country;
            memcpy(ev[k].region_cc, es->country_cc, 3);
        }
    }
}

sitrep_status sr_find_events(const sr_context *c, const sr_date *anchor, const sr_buf *claims,
                             const sr_buf *fig_claim, sr_arena *arena, sr_buf *out)
{
    estate es = {c, (const sr_claim *)(const void *)claims->data, SR_VEC_COUNT(claims, sr_claim),
                 (const int32_t *)(const void *)fig_claim->data, *anchor, sr_dominant_group(c),
                 dateline_place(c), arena, 0, "", false};
    bool country_known = false; /* es.country: found before the first event is made */
    size_t first_event = SR_VEC_COUNT(out, sr_event);
    trig t[16];
    for (size_t s = 0; s < c->nsen; s++) {
        size_t lo = sr_sent_first(c, s), hi = sr_sent_end(c, s);
        size_t nt = 0;
        for (size_t i = lo; i < hi && nt < 16; i++) {
            if (!sr_tok_flag(c, i, SR_WI_EVENT))
                continue;
            size_t len;
            bool plural;
            int sub = trigger_at(c, i, lo, hi, &len, &plural);
            if (sub == EV_NONE)
                continue;
            size_t next = i + len;
            bool keep = !in_name(c, i) &&
                        (c->at[i].measure < 0 || counted_thing(c, next - 1) || counted_episode(&es, i, lo, hi)) &&
                        realis(c, i, lo) && !denied(c, i, lo) && (!plural || plural_happens(c, i, next, lo, hi, sub)) &&
                        !tally_verb(&es, next - 1, hi) && !cumulative(c, i, lo);
            if (keep) {
                t[nt].at = i;
                t[nt].end = next;
                t[nt].sub = (uint8_t)sub;
                t[nt].plural = plural;
                t[nt].definite = (i > lo && sr_tok_class(c, i - 1, SR_LEX_EVENTS_REFER_BACK)) ||
                                 (i > lo + 1 && sr_tok_is(c, i - 2, "the") && sr_tok_word(c, i - 1) &&
                                  !(c->tok[i - 1].flags & SITREP_TOKF_CAP) && !sr_tok_flag(c, i - 1, SR_WI_EVENT));
                t[nt].reaction = false;
                t[nt].generic = generic_victims(c, i, next, hi);
                if (i > lo && sr_tok_class(c, i - 1, SR_LEX_EVENTS_REFER_BACK))
                    for (size_t q = i - 1; q > lo && i - q < 6;) {
                        q--;
                        if (sr_tok_char(c, q, ',') || sr_clause_break(c, q) || sr_tok_flag(c, q, SR_WI_EVENT))
                            break;
                        if (sr_tok_class(c, q, SR_LEX_EVENTS_REACTION)) {
                            t[nt].reaction = true;
                            break;
                        }
                    }
                nt++;
            }
            i = next - 1;
        }
        if (!nt)
            continue;
        if (!country_known) {
            es.country = report_country(c, es.dateline, es.country_cc, &es.abroad);
            country_known = true;
        }
        /* clauses: triggers with a break between them are separate events */
        size_t g0 = 0, clause_lo = lo;
        for (size_t k = 1; k <= nt; k++) {
            size_t brk = hi;
            if (k < nt) {
                brk = SIZE_MAX;
                for (size_t q = t[k - 1].end; q < t[k].at; q++) {
                    /* ", triggering a gunfight": what it set off, the same happening */
                    if (sr_tok_char(c, q, ',') && sr_tok_class(c, q + 1, SR_LEX_EVENTS_CONSEQUENCE)) {
                        q++;
                        continue;
                    }
                    if (sr_clause_break(c, q) ||
                        (sr_tok_is(c, q, "and") && t[k].at - q <= 4 &&
                         (sr_tok_is(c, q + 1, "a") || sr_tok_is(c, q + 1, "an") ||
                          sr_tok_is(c, q + 1, "another")))) {
                        brk = q;
                        break;
                    }
                }
                if (brk == SIZE_MAX)
                    continue;
            }
            sitrep_status st = emit(&es, s, &t[g0], k - g0, clause_lo, brk, out, first_event);
            if (st != SITREP_OK)
                return st;
            g0 = k;
            clause_lo = brk;
        }
    }
    size_t nev = SR_VEC_COUNT(out, sr_event) - first_event;
    if (nev == 0)
        return SITREP_OK; /* out->data may be NULL: no pointer arithmetic on it */
    sr_event *ev = (sr_event *)(void *)out->data + first_event;
    /* "the minister condemned the killing of ...": a response to a
     * happening adds to the one the report tells, the nearest of its
     * kind; it stands alone only when the report tells none */
    {
        size_t kept = 0;
        for (size_t k = 0; k < nev; k++) {
            size_t best = SIZE_MAX;
            /* a response dated the report's own day ("condemned today") says
             * when it was said: the happening came by then */
            sr_event r = ev[k];
            if (r.from.year && es.anchor.year && sr_date_cmp(&r.from, &es.anchor) == 0)
                r.weak_date = 1;
            if (ev[k].reaction)
                for (size_t o = 0; o < nev; o++) {
                    /* "2 days ago": a day of its own names another happening */
                    if (o == k || ev[o].reaction || !same_family(ev[o].sub, ev[k].sub) || !dates_overlap(&ev[o], &r))
                        continue;
                    if (best == SIZE_MAX || (ev[o].first_sen > ev[k].first_sen ? ev[o].first_sen - ev[k].first_sen
                                                                                 : ev[k].first_sen - ev[o].first_sen) <
                                                (ev[best].first_sen > ev[k].first_sen
                                                     ? ev[best].first_sen - ev[k].first_sen
                                                     : ev[k].first_sen - ev[best].first_sen))
                        best = o;
                }
            if (best != SIZE_MAX) {
                merge_event(c, &ev[best], &ev[k]);
                ev[k].reaction = 2; /* told in the other */
            }
        }
        for (size_t k = 0; k < nev; k++)
            if (ev[k].reaction != 2)
                ev[kept++] = ev[k];
        nev = kept;
        out->len = (first_event + nev) * sizeof(sr_event);
    }
    /* a happening told only by definite mentions ("the murder of the
     * judge") adds to one the report tells; it stands alone only when
     * the report tells none, one event of each kind */
    {
        size_t real = 0;
        for (size_t k = 0; k < nev; k++)
            real += !ev[k].nominal;
        size_t kept = 0;
        for (size_t k = 0; k < nev; k++) {
            if (ev[k].nominal) {
                size_t best = SIZE_MAX;
                for (size_t o = 0; o < kept; o++)
                    if (same_family(ev[o].sub, ev[k].sub) && dates_overlap(&ev[o], &ev[k]) &&
                        (real ? !ev[o].nominal : ev[o].nominal))
                        best = o;
                if (best != SIZE_MAX) {
                    merge_event(c, &ev[best], &ev[k]);
                    continue;
                }
                if (real)
                    continue;
            }
            ev[kept++] = ev[k];
        }
        out->len = (first_event + kept) * sizeof(sr_event);
        nev = kept;
    }
    responsibility(&es, ev, nev);
    article_perpetrator(&es, ev, nev);
    orphan_tolls(&es, ev, nev);
    /* "death squads that murdered hundreds", "a war that killed 70,000":
     * a toll that large without its day is a tally, not one happening */
    {
        sr_lexid id = sr_lex_find("undated", 7);
        double tally = sr_lex_value(id, SR_LEX_EVENTS_TALLY, SR_LEXCOL_EVENTS_TALLY_DEAD);
        size_t kept = 0;
        for (size_t k = 0; k < nev; k++)
            if (!(violent_family(ev[k].sub) && ev[k].fat_q && ev[k].fat_low >= tally &&
                  (!ev[k].from.year || ev[k].precision != SR_PREC_DAY)))
                ev[kept++] = ev[k];
        out->len = (first_event + kept) * sizeof(sr_event);
        nev = kept;
    }
    /* history is background, not news: a happening the text dates more
     * than a year before the report ("in 2014", "the 2019 bombing") is
     * told to explain this one, and is no event of its own */
    if (es.anchor.year) {
        long report = sr_date_to_days(&es.anchor);
        /* a report tells what has happened (the future is no event): a day
         * or month the text gives without a year, read as after the
         * report ("the massacre of 16 November" in January), is last
         * year's */
        for (size_t k = 0; k < nev; k++)
            if (ev[k].from.year && ev[k].precision <= SR_PREC_MONTH && sr_date_to_days(&ev[k].from) > report + 1) {
                sr_date f = ev[k].from, t = ev[k].to;
                f.year--;
                t.year--;
                if (sr_date_to_days(&f) <= report) {
                    ev[k].from = f;
                    ev[k].to = t;
                }
            }
        /* ... judged against the report's own date: one borrowed from
         * another article of its story may be years off */
        /* and when the report tells a recent happening (its news), one
         * dated months before it is told to explain that one
         * (events.lex: horizon) */
        long history = SR_LEXK_EVENTS_HORIZON_HISTORY, recent = SR_LEXK_EVENTS_HORIZON_NEWS;
        bool news = false;
        for (size_t k = 0; k < nev; k++)
            news |= ev[k].from.year && report - sr_date_to_days(&ev[k].to) <= recent;
        size_t kept = 0;
        for (size_t k = 0; k < nev; k++) {
            long age = ev[k].from.year ? report - sr_date_to_days(&ev[k].to) : 0;
            if (!ev[k].from.year || c->doc->published_borrowed || (age <= history && (!news || age <= recent)))
                ev[kept++] = ev[k];
        }
        out->len = (first_event + kept) * sizeof(sr_event);
        nev = kept;
    }
    /* "326 people have been kidnapped so far this year", "the country
     * has been attacked for three years": a happening the text dates
     * only to a span longer than a month, with no toll of its own, is a
     * tally or a habit over it (events.lex: horizon happening_span); one
     * with its own dead ("killed 19 in one of the deadliest raids this
     * winter") is one happening the span only compares */
    {
        size_t kept = 0;
        for (size_t k = 0; k < nev; k++)
            if (!ev[k].from.year || (ev[k].fat_q && !ev[k].fat_told) || ev[k].inj_q ||
                sr_date_to_days(&ev[k].to) - sr_date_to_days(&ev[k].from) <= SR_LEXK_EVENTS_HORIZON_HAPPENING_SPAN)
                ev[kept++] = ev[k];
        out->len = (first_event + kept) * sizeof(sr_event);
        nev = kept;
    }
    report_frame(&es, ev, nev);
    /* violence the text dates only by when it was told ("police said
     * Saturday that gunmen ..."): by then, within the week up to that day
     * (an announcement, "said Saturday it had merged", is the happening
     * itself, on its day) */
    for (size_t k = 0; k < nev; k++)
        if (ev[k].weak_date == 1 && ev[k].precision == SR_PREC_DAY && ev[k].from.year && violent_family(ev[k].sub)) {
            ev[k].from = sr_date_add_days(&ev[k].to, -6);
            ev[k].precision = SR_PREC_WEEK;
        }
    return SITREP_OK;
}

/* ---- the stage ---- */

sitrep_status sr_claims_events(sitrep_doc *doc, const sr_date *anchor)
{
    sr_context c;
    sitrep_status st = sr_context_build(doc, &c);
    if (st == SITREP_OK)
        c.dominant = sr_dominant_group(&c); /* read by both stages */
    if (st == SITREP_OK)
        st = sr_find_claims(&c, anchor, &doc->claims, &doc->fig_claim);
    if (st == SITREP_OK)
        st = sr_claim_source_texts(doc, &c);
    if (st == SITREP_OK)
        st = sr_find_events(&c, anchor, &doc->claims, &doc->fig_claim, &doc->arena, &doc->events);
    sr_context_free(&c);
    return st;
}
