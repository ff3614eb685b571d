"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.isCanonicalDateTime = isCanonicalDateTime;
// A shape check then fixed-position digit reads: no captures, no allocation. ajv-formats'
// general RFC 3339 check costs several times as much, and this runs twice per event.
const SHAPE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function twoDigits(value, at) {
    return (value.charCodeAt(at) - 48) * 10 + value.charCodeAt(at + 1) - 48;
}
function daysIn(year, month) {
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
}
/**
 * RFC 3339 `date-time`, narrowed to what every consumer parses the same way: upper-case `T`
 * and `Z`, no space separator, and no leap second (`Date.parse` returns NaN for `:60`).
 */
function isCanonicalDateTime(value) {
    if (!SHAPE.test(value)) {
        return false;
    }
    // YYYY-MM-DDTHH:MM:SS at fixed positions; a numeric offset is the last six characters
    const year = twoDigits(value, 0) * 100 + twoDigits(value, 2);
    const month = twoDigits(value, 5);
    const day = twoDigits(value, 8);
    const zoned = value.endsWith('Z');
    return (month >= 1 &&
        month <= 12 &&
        day >= 1 &&
        day <= daysIn(year, month) &&
        twoDigits(value, 11) <= 23 &&
        twoDigits(value, 14) <= 59 &&
        twoDigits(value, 17) <= 59 &&
        (zoned ||
            (twoDigits(value, value.length - 5) <= 23 && twoDigits(value, value.length - 2) <= 59)));
}
