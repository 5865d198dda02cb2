/*
 * dates.h -- absolute calendar dates in the forms news text writes them.
 *
 * Reads "2024-07-17", "July 17, 2024", "Jul. 17 2024", "17 July 2024",
 * "Wednesday, July 17, 2024", "Wed, 17 Jul 2024 03:14:00 GMT", "2024/07/17"
 * and "July 2024" (month precision).  The full time grammar (relative
 * expressions, intervals) builds on this.
 */
#ifndef SITREP_DATES_H
#define SITREP_DATES_H

#include "core/core.h"

/* A calendar date; month and day 0 when unknown (a year, a month). */
typedef struct sr_date {
    int year, month, day;
} sr_date;

/* Parses a date at the very start of s[0..n).  On success fills *d (day 0
 * for month precision), stores the bytes used in *used and returns true. */
bool sr_date_at(const char *s, size_t n, sr_date *d, size_t *used);

/* Finds the first date anywhere in s[0..n); *at receives its offset. */
bool sr_date_find(const char *s, size_t n, sr_date *d, size_t *at, size_t *used);

/* Month number (1-12) for a month name or abbreviation, else 0. */
int sr_month_number(const char *s, size_t n);

/* Is s[0..n) a weekday name or abbreviation (Monday, Mon, Tues, Thurs)? */
bool sr_weekday_name(const char *s, size_t n);

/* Weekday number of a weekday name as sr_weekday_name reads it: 1 Monday
 * .. 7 Sunday, 0 when s[0..n) is none. */
int sr_weekday_number(const char *s, size_t n);

/* ---- day arithmetic (proleptic Gregorian calendar, full dates only) ---- */

/* Days in month m (1-12) of year y. */
int sr_days_in_month(int y, int m);
/* Days since 1970-01-01 (negative before), and back. */
long sr_date_to_days(const sr_date *d);
sr_date sr_date_from_days(long days);
/* d plus n days (n may be negative). */
sr_date sr_date_add_days(const sr_date *d, long n);
/* d plus n months (n may be negative), the day clamped to the month's end. */
sr_date sr_date_add_months(const sr_date *d, int n);
/* Weekday of a full date: 1 Monday .. 7 Sunday. */
int sr_date_weekday(const sr_date *d);

/* Writes "YYYY-MM-DD" (11 bytes with the NUL). */
void sr_date_iso(const sr_date *d, char out[11]);

/* Reads the three numbers of "YYYY-MM-DD" at the start of s as
 * sscanf(s, "%d-%d-%d") does (the same values and result, for any s), true
 * when it read all three: its own ISO dates without the cost of scanf. */
bool sr_date_scan(const char *s, sr_date *d);

/* -1, 0, 1 as a is before, equal to, after b. */
int sr_date_cmp(const sr_date *a, const sr_date *b);

#endif
