"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parseDetection = parseDetection;
const dead_letter_1 = require("./dead-letter");
const forbidden_keys_1 = require("./forbidden-keys");
const validators_1 = require("./validators");
// Created once: constructing a decoder per record shows up on the hot path.
const utf8 = new TextDecoder('utf-8', { fatal: true });
// V8 quotes part of the input in its messages ('Unexpected token 'T', "…TEST451…" is not valid
// JSON'); issues are logged, and the input may hold personal data, so the quote is cut.
const ECHOED_INPUT = /, (?:\.\.\.)?".*"(?:\.\.\.)? is not valid JSON$/s;
/**
 * Reads one raw record as a canonical detection event: size, UTF-8, JSON, forbidden keys,
 * schema, then envelope/data consistency. Each step runs only if the previous one passed.
 * Never throws; every failure comes back as issues with a JSON Pointer path.
 */
function parseDetection(bytes, options) {
    if (bytes.length > options.maxBytes) {
        return rejected(dead_letter_1.ValidationIssueCode.TooLarge, `record is ${bytes.length} bytes, over the limit of ${options.maxBytes}`);
    }
    let text;
    try {
        text = utf8.decode(bytes);
    }
    catch {
        return rejected(dead_letter_1.ValidationIssueCode.InvalidUtf8, 'record is not valid UTF-8');
    }
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return rejected(dead_letter_1.ValidationIssueCode.InvalidJson, message.replace(ECHOED_INPUT, ' is not valid JSON'));
    }
    if ((0, forbidden_keys_1.mayHoldForbiddenKey)(text)) {
        const forbidden = (0, forbidden_keys_1.findForbiddenKeys)(value);
        if (forbidden.length > 0) {
            return { ok: false, issues: forbidden };
        }
    }
    return (0, validators_1.checkDetectionEvent)(value);
}
function rejected(code, message) {
    return { ok: false, issues: [{ path: '', code, message }] };
}
