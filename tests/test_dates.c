/*
 * test_dates.c -- absolute dates in the forms news text writes them.
 */
#include "core/dates.h"
#include "test.h"

static const char *parse(const char *s)
{
    static char iso[11];
    sr_date d;
    size_t used;
    if (!sr_date_at(s, strlen(s), &d, &used))
        return NULL;
    sr_date_iso(&d, iso);
    if (d.day == 0)
        iso[7] = '\0'; /* month precision: YYYY-MM */
    return iso;
}

static const char *find(const char *s)
{
    static char iso[11];
    sr_date d;
    size_t at, used;
    if (!sr_date_find(s, strlen(s), &d, &at, &used))
        return NULL;
    sr_date_iso(&d, iso);
    return iso;
}

int main(void)
{
    /* sr_date_scan reads what sscanf("%d-%d-%d") reads, for any string */
    const char *scans[] = {"2024-07-17", "2024-07-17T10:00", "0999-01-02", "2024-7-17", " 2024-07-17",
                           "+2024-07-17", "20240-07-17", "2024-07-170", "2024-07", "", "x", "-2024-07-17",
                           "2024-07-1", "2024--07-17"};
    for (size_t i = 0; i < sizeof scans / sizeof *scans; i++) {
        sr_date a = {-1, -1, -1}, b = {-1, -1, -1};
        bool ra = sr_date_scan(scans[i], &a);
        bool rb = sscanf(scans[i], "%d-%d-%d", &b.year, &b.month, &b.day) == 3;
        CHECK(ra == rb && (!ra || (a.year == b.year && a.month == b.month && a.day == b.day)));
    }
    CHECK_STR(parse("2024-07-17"), "2024-07-17");
    CHECK_STR(parse("2024/07/17"), "2024-07-17");
    CHECK_STR(parse("July 17, 2024"), "2024-07-17");
    CHECK_STR(parse("July 17 2024"), "2024-07-17");
    CHECK_STR(parse("Jul. 17, 2024"), "2024-07-17");
    CHECK_STR(parse("Sept. 3, 2023"), "2023-09-03");
    CHECK_STR(parse("17 July 2024"), "2024-07-17");
    CHECK_STR(parse("17th of July 2024"), "2024-07-17");
    CHECK_STR(parse("Wednesday, July 17, 2024"), "2024-07-17");
    CHECK_STR(parse("Wed, 17 Jul 2024 03:14:00 GMT"), "2024-07-17");
    CHECK_STR(parse("February 29, 2024"), "2024-02-29");
    CHECK_STR(parse("July 2024"), "2024-07");
    CHECK_STR(parse("July\xc2\xa0" "17,\xc2\xa0" "2024"), "2024-07-17"); /* no-break spaces */
    CHECK_STR(parse("Tues., 9 July 2024"), "2024-07-09");
    CHECK(parse("July\xc2\xb0" "17, 2024") == NULL); /* a lone C2 byte is no space */
    /* not dates */
    CHECK(parse("February 30, 2024") == NULL);
    CHECK(parse("February 29, 2023") == NULL);
    CHECK(parse("2024-13-01") == NULL);
    CHECK(parse("May 5") == NULL);        /* no year: the time grammar's job */
    CHECK(parse("Mar 2024x") == NULL || strcmp(parse("Mar 2024x"), "2024-03") == 0);
    CHECK(parse("Marching 5, 2024") == NULL);
    CHECK(parse("12345-07-17") == NULL);
    CHECK(parse("") == NULL);
    /* finding dates inside text, at word boundaries only */
    CHECK_STR(find("Posted July 17, 2024 3:14 am."), "2024-07-17");
    CHECK_STR(find("on Wednesday, July 17, 2024 that"), "2024-07-17");
    CHECK(find("a 2,500-strong force in 2024") == NULL);
    CHECK(find("id12024-07-17") == NULL);
    return test_summary();
}
