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

/* ---- entities ---- */

const char *sitrep_entity_kind_name(sitrep_entity_kind kind)
{
    static const char *const names[] = {NULL,       "armed_group", "organization", "government",
                                        "military", "person",      "place",        "media"};
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
    out->precision = sr_precision_name(t->precision);
    out->kind = sr_time_kind_name(t->kind);
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
    out->qualifier = sr_qualifier_name(f->qualifier);
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
    out->qualifier = sr_qualifier_name(c->qualifier);
    out->actor = entity_name(doc, c->actor);
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
    out->event_type = sr_event_type_name(e->sub);
    out->sub_event_type = sr_event_sub_name(e->sub);
    if (e->from.year) {
        sr_date_iso(&e->from, out->date_start);
        sr_date_iso(&e->to, out->date_end);
        out->precision = sr_precision_name(e->precision);
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
    out->fatalities_qualifier = e->fat_q ? sr_qualifier_name(e->fat_q) : NULL;
    out->has_injured = e->inj_q != 0;
    out->injured_low = e->inj_low;
    out->injured_high = e->inj_high;
    out->injured_qualifier = e->inj_q ? sr_qualifier_name(e->inj_q) : NULL;
    out->trigger.start = e->trigger_start;
    out->trigger.end = e->trigger_end;
    out->span_count = e->nspans;
    out->perpetrator_confidence = e->perp ? sr_perp_confidence_name(e->perp_conf) : NULL;
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
