/*
 * results.c -- the public accessors of what the analysers found in a
 * document (sitrep_doc_entity, _time, _figure, _claim, _event and their
 * counts and spans): the analysers' private records (the analyse headers) read
 * out into the public structs of sitrep.h.
 */
#include "doc.h"

#include "analyse/claims.h"
#include "analyse/entities.h"
#include "analyse/events.h"
#include "analyse/figures.h"
#include "analyse/times.h"
#include "data/gazetteer.h"

#include <math.h>
#include <string.h>

/* ---- the names of the public enums (one home each) ---- */

/* The analysers keep these as the values of the public enums. */
_Static_assert((int)SR_Q_EXACT == (int)SITREP_QUALIFIER_EXACT && (int)SR_Q_APPROX == (int)SITREP_QUALIFIER_APPROXIMATELY &&
                   (int)SR_Q_MORE_THAN == (int)SITREP_QUALIFIER_MORE_THAN && (int)SR_Q_AT_LEAST == (int)SITREP_QUALIFIER_AT_LEAST &&
                   (int)SR_Q_FEWER_THAN == (int)SITREP_QUALIFIER_FEWER_THAN && (int)SR_Q_UP_TO == (int)SITREP_QUALIFIER_UP_TO &&
                   (int)SR_Q_RANGE == (int)SITREP_QUALIFIER_RANGE,
               "sr_qualifier is sitrep_qualifier");
_Static_assert((int)SR_PREC_DAY == (int)SITREP_PRECISION_DAY && (int)SR_PREC_WEEK == (int)SITREP_PRECISION_WEEK &&
                   (int)SR_PREC_MONTH == (int)SITREP_PRECISION_MONTH && (int)SR_PREC_QUARTER == (int)SITREP_PRECISION_QUARTER &&
                   (int)SR_PREC_HALF == (int)SITREP_PRECISION_HALF && (int)SR_PREC_YEAR == (int)SITREP_PRECISION_YEAR &&
                   (int)SR_PREC_DECADE == (int)SITREP_PRECISION_DECADE &&
                   (int)SR_PREC_SEASON == (int)SITREP_PRECISION_SEASON &&
                   (int)SR_PREC_FISCAL == (int)SITREP_PRECISION_FISCAL_YEAR,
               "sr_precision is sitrep_precision");
_Static_assert((int)SR_TIME_DATE == (int)SITREP_TIME_DATE && (int)SR_TIME_DURATION == (int)SITREP_TIME_DURATION &&
                   (int)SR_TIME_SET == (int)SITREP_TIME_SET && (int)SR_TIME_TIME == (int)SITREP_TIME_TIME,
               "sr_time_kind is sitrep_time_kind");
_Static_assert((int)SR_PERP_REPORTED == (int)SITREP_PERP_REPORTED && (int)SR_PERP_CLAIMED == (int)SITREP_PERP_CLAIMED &&
                   (int)SR_PERP_SUSPECTED == (int)SITREP_PERP_SUSPECTED && (int)SR_PERP_ACCUSED == (int)SITREP_PERP_ACCUSED,
               "SR_PERP_* are sitrep_perp_confidence");

#define NAME_OF(names, v) ((unsigned)(v) < sizeof(names) / sizeof *(names) ? (names)[v] : NULL)

const char *sitrep_precision_name(sitrep_precision p)
{
    static const char *const names[] = {NULL,   "day",  "week",   "month",  "quarter",
                                        "half", "year", "decade", "season", "fiscal_year"};
    return NAME_OF(names, p);
}

const char *sitrep_time_kind_name(sitrep_time_kind k)
{
    static const char *const names[] = {NULL, "date", "duration", "set", "time"};
    return NAME_OF(names, k);
}

const char *sitrep_qualifier_name(sitrep_qualifier q)
{
    static const char *const names[] = {NULL,       "exact",      "approximately", "more_than",
                                        "at_least", "fewer_than", "up_to",         "range"};
    return NAME_OF(names, q);
}

const char *sitrep_perp_confidence_name(sitrep_perp_confidence c)
{
    static const char *const names[] = {NULL, "reported", "claimed", "suspected", "accused"};
    return NAME_OF(names, c);
}

const char *sitrep_event_type_name(sitrep_event_type t)
{
    static const char *const names[] = {NULL,       "Battles", "Explosions/Remote violence", "Violence against civilians",
                                        "Protests", "Riots",   "Strategic developments"};
    return NAME_OF(names, t);
}

/* ACLED's sub-event types: each one's name and event type. */
static const struct {
    const char *name;
    sitrep_event_type type;
} acled_subs[] = {
    [SITREP_SUB_NONE] = {NULL, SITREP_EVENT_NONE},
    [SITREP_SUB_ARMED_CLASH] = {"Armed clash", SITREP_EVENT_BATTLES},
    [SITREP_SUB_GOVERNMENT_REGAINS_TERRITORY] = {"Government regains territory", SITREP_EVENT_BATTLES},
    [SITREP_SUB_NON_STATE_ACTOR_OVERTAKES_TERRITORY] = {"Non-state actor overtakes territory", SITREP_EVENT_BATTLES},
    [SITREP_SUB_AIR_DRONE_STRIKE] = {"Air/drone strike", SITREP_EVENT_EXPLOSIONS},
    [SITREP_SUB_SUICIDE_BOMB] = {"Suicide bomb", SITREP_EVENT_EXPLOSIONS},
    [SITREP_SUB_SHELLING] = {"Shelling/artillery/missile attack", SITREP_EVENT_EXPLOSIONS},
    [SITREP_SUB_REMOTE_EXPLOSIVE] = {"Remote explosive/landmine/IED", SITREP_EVENT_EXPLOSIONS},
    [SITREP_SUB_GRENADE] = {"Grenade", SITREP_EVENT_EXPLOSIONS},
    [SITREP_SUB_ATTACK] = {"Attack", SITREP_EVENT_VIOLENCE_CIVILIANS},
    [SITREP_SUB_ABDUCTION] = {"Abduction/forced disappearance", SITREP_EVENT_VIOLENCE_CIVILIANS},
    [SITREP_SUB_SEXUAL_VIOLENCE] = {"Sexual violence", SITREP_EVENT_VIOLENCE_CIVILIANS},
    [SITREP_SUB_PEACEFUL_PROTEST] = {"Peaceful protest", SITREP_EVENT_PROTESTS},
    [SITREP_SUB_PROTEST_WITH_INTERVENTION] = {"Protest with intervention", SITREP_EVENT_PROTESTS},
    [SITREP_SUB_VIOLENT_DEMONSTRATION] = {"Violent demonstration", SITREP_EVENT_RIOTS},
    [SITREP_SUB_MOB_VIOLENCE] = {"Mob violence", SITREP_EVENT_RIOTS},
    [SITREP_SUB_AGREEMENT] = {"Agreement", SITREP_EVENT_STRATEGIC},
    [SITREP_SUB_ARRESTS] = {"Arrests", SITREP_EVENT_STRATEGIC},
    [SITREP_SUB_CHANGE_TO_GROUP] = {"Change to group/activity", SITREP_EVENT_STRATEGIC},
    [SITREP_SUB_HEADQUARTERS] = {"Headquarters or base established", SITREP_EVENT_STRATEGIC},
    [SITREP_SUB_LOOTING] = {"Looting/property destruction", SITREP_EVENT_STRATEGIC},
    [SITREP_SUB_TRANSFER_OF_TERRITORY] = {"Non-violent transfer of territory", SITREP_EVENT_STRATEGIC},
    [SITREP_SUB_OTHER] = {"Other", SITREP_EVENT_STRATEGIC},
    [SITREP_SUB_DISRUPTED_WEAPONS_USE] = {"Disrupted weapons use", SITREP_EVENT_STRATEGIC},
};

const char *sitrep_sub_event_name(sitrep_sub_event sub)
{
    return (unsigned)sub < sizeof acled_subs / sizeof *acled_subs ? acled_subs[sub].name : NULL;
}

sitrep_event_type sitrep_sub_event_type(sitrep_sub_event sub)
{
    return (unsigned)sub < sizeof acled_subs / sizeof *acled_subs ? acled_subs[sub].type : SITREP_EVENT_NONE;
}

/* ---- entities ---- */

const char *sitrep_entity_kind_name(sitrep_entity_kind kind)
{
    static const char *const names[] = {NULL,       "armed_group", "organization", "government",
                                        "military", "person",      "place",        "media",
                                        "nationality"};
    return (unsigned)kind < sizeof names / sizeof *names && names[kind] ? names[kind] : "unknown";
}

size_t sitrep_doc_entity_count(const sitrep_doc *doc)
{
    return SR_VEC_COUNT(&doc->entities, sr_entity);
}

sitrep_status sitrep_doc_entity(const sitrep_doc *doc, size_t i, sitrep_entity *out)
{
    if (out == NULL || i >= sitrep_doc_entity_count(doc))
        return SITREP_EARG;
    *out = ((const sr_entity *)(const void *)doc->entities.data)[i].e;
    return SITREP_OK;
}

const sitrep_mention *sitrep_doc_mentions(const sitrep_doc *doc, size_t *count)
{
    if (count)
        *count = SR_VEC_COUNT(&doc->mentions, sitrep_mention);
    return (const sitrep_mention *)(const void *)doc->mentions.data;
}

/* ---- time expressions and figures ---- */

size_t sitrep_doc_time_count(const sitrep_doc *doc)
{
    return SR_VEC_COUNT(&doc->times, sr_time);
}

sitrep_status sitrep_doc_time(const sitrep_doc *doc, size_t i, sitrep_time *out)
{
    if (out == NULL || i >= sitrep_doc_time_count(doc))
        return SITREP_EARG;
    const sr_time *t = &((const sr_time *)(const void *)doc->times.data)[i];
    memset(out, 0, sizeof *out);
    out->span.start = t->start;
    out->span.end = t->end;
    if (t->vfrom.year)
        sr_date_iso(&t->vfrom, out->from);
    if (t->vto.year)
        sr_date_iso(&t->vto, out->to);
    if (t->from.year)
        sr_date_iso(&t->from, out->period_from);
    if (t->to.year)
        sr_date_iso(&t->to, out->period_to);
    out->precision = (sitrep_precision)t->precision;
    out->kind = (sitrep_time_kind)t->kind;
    out->duration = t->duration[0] ? t->duration : NULL;
    out->relation = sr_time_relation_name(t->relation);
    out->mod = sr_time_mod_name(t->mod);
    return SITREP_OK;
}

size_t sitrep_doc_figure_count(const sitrep_doc *doc)
{
    return SR_VEC_COUNT(&doc->figures, sr_figure);
}

sitrep_status sitrep_doc_figure(const sitrep_doc *doc, size_t i, sitrep_figure *out)
{
    if (out == NULL || i >= sitrep_doc_figure_count(doc))
        return SITREP_EARG;
    const sr_figure *f = &((const sr_figure *)(const void *)doc->figures.data)[i];
    memset(out, 0, sizeof *out);
    out->span.start = f->start;
    out->span.end = f->end;
    out->low = f->low;
    out->high = f->high;
    out->qualifier = (sitrep_qualifier)f->qualifier;
    out->unit = f->unit[0] ? f->unit : NULL;
    out->measure.start = f->measure_start;
    out->measure.end = f->measure_end;
    return SITREP_OK;
}

/* ---- claims and events ---- */

size_t sitrep_doc_claim_count(const sitrep_doc *doc)
{
    return SR_VEC_COUNT(&doc->claims, sr_claim);
}

static const char *entity_name(const sitrep_doc *doc, int32_t e)
{
    if (e < 0 || (size_t)e >= SR_VEC_COUNT(&doc->entities, sr_entity))
        return NULL;
    return SR_VEC_AT(&doc->entities, sr_entity, e).e.name;
}

sitrep_status sitrep_doc_claim(const sitrep_doc *doc, size_t i, sitrep_claim *out)
{
    if (out == NULL || i >= sitrep_doc_claim_count(doc))
        return SITREP_EARG;
    const sr_claim *c = &SR_VEC_AT(&doc->claims, sr_claim, i);
    memset(out, 0, sizeof *out);
    out->measure = c->measure;
    out->low = c->low;
    out->high = c->high;
    out->qualifier = (sitrep_qualifier)c->qualifier;
    out->actor = c->actor >= 0 ? entity_name(doc, c->actor) : c->actor_text;
    out->attributed_to = c->source >= 0 ? entity_name(doc, c->source) : c->source_text;
    for (size_t k = 0; k < c->nplaces && out->place_count < 4; k++) {
        const char *n = entity_name(doc, c->places[k]);
        if (n) {
            out->place_countries[out->place_count] =
                SR_VEC_AT(&doc->entities, sr_entity, c->places[k]).e.country;
            out->places[out->place_count++] = n;
        }
    }
    if (c->from.year) {
        sr_date_iso(&c->from, out->period_start);
        sr_date_iso(&c->to, out->period_end);
    }
    if (c->said.year)
        sr_date_iso(&c->said, out->said_on);
    out->span_count = c->nspans;
    return SITREP_OK;
}

sitrep_span sitrep_doc_claim_span(const sitrep_doc *doc, size_t i, size_t k, sitrep_span *figure)
{
    sitrep_span sp = {0, 0};
    if (figure)
        *figure = sp;
    if (i >= sitrep_doc_claim_count(doc))
        return sp;
    const sr_claim *c = &SR_VEC_AT(&doc->claims, sr_claim, i);
    if (k >= c->nspans)
        return sp;
    sp.start = c->span_start[k];
    sp.end = c->span_end[k];
    if (figure && c->figure[k] < SR_VEC_COUNT(&doc->figures, sr_figure)) {
        const sr_figure *f = &SR_VEC_AT(&doc->figures, sr_figure, c->figure[k]);
        figure->start = f->start;
        figure->end = f->end;
    }
    return sp;
}

size_t sitrep_doc_event_count(const sitrep_doc *doc)
{
    return SR_VEC_COUNT(&doc->events, sr_event);
}

sitrep_status sitrep_doc_event(const sitrep_doc *doc, size_t i, sitrep_event *out)
{
    if (out == NULL || i >= sitrep_doc_event_count(doc))
        return SITREP_EARG;
    const sr_event *e = &SR_VEC_AT(&doc->events, sr_event, i);
    memset(out, 0, sizeof *out);
    out->sub_event_type = sr_event_sub(e->sub);
    out->event_type = sitrep_sub_event_type(out->sub_event_type);
    if (e->from.year) {
        sr_date_iso(&e->from, out->date_start);
        sr_date_iso(&e->to, out->date_end);
        out->precision = (sitrep_precision)e->precision;
    }
    for (size_t k = 0; k < e->nactors; k++)
        out->actors[out->actor_count++] = e->actors[k];
    out->lat = out->lon = NAN;
    if (e->location >= 0 && (size_t)e->location < SR_VEC_COUNT(&doc->entities, sr_entity)) {
        const sitrep_entity *p = &SR_VEC_AT(&doc->entities, sr_entity, e->location).e;
        out->location = p->name;
        out->country = p->country;
        out->admin1 = p->admin1;
        out->lat = p->lat;
        out->lon = p->lon;
    } else if (e->region && sr_gazetteer_get()) {
        /* placed only by the report's frame: the country it is about */
        sr_place p;
        sr_gaz_place(sr_gazetteer_get(), e->region - 1, &p);
        out->location = p.name;
        out->country = e->region_cc[0] ? e->region_cc : NULL;
        out->admin1 = p.admin1;
        out->lat = p.lat;
        out->lon = p.lon;
    }
    out->has_fatalities = e->fat_q != 0;
    out->fatalities_low = e->fat_low;
    out->fatalities_high = e->fat_high;
    out->fatalities_qualifier = (sitrep_qualifier)e->fat_q;
    out->has_injured = e->inj_q != 0;
    out->injured_low = e->inj_low;
    out->injured_high = e->inj_high;
    out->injured_qualifier = (sitrep_qualifier)e->inj_q;
    out->trigger.start = e->trigger_start;
    out->trigger.end = e->trigger_end;
    out->span_count = e->nspans;
    out->perpetrator_confidence = e->perp ? (sitrep_perp_confidence)e->perp_conf : SITREP_PERP_NONE;
    out->date_from_report = e->weak_date == 2;
    out->place_from_report = e->location < 0 && e->region != 0;
    return SITREP_OK;
}

sitrep_span sitrep_doc_event_span(const sitrep_doc *doc, size_t i, size_t k)
{
    sitrep_span sp = {0, 0};
    if (i >= sitrep_doc_event_count(doc))
        return sp;
    const sr_event *e = &SR_VEC_AT(&doc->events, sr_event, i);
    if (k < e->nspans) {
        sp.start = e->span_start[k];
        sp.end = e->span_end[k];
    }
    return sp;
}
