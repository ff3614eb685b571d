"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.isForbiddenKey = isForbiddenKey;
exports.mayHoldForbiddenKey = mayHoldForbiddenKey;
exports.findForbiddenKeys = findForbiddenKeys;
const dead_letter_1 = require("./dead-letter");
const validation_issues_1 = require("./validation-issues");
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Keys that never appear in an accepted event, at any depth. */
function isForbiddenKey(key) {
    return FORBIDDEN_KEYS.has(key);
}
/** Cheap pre-check on the raw JSON text: false means no forbidden key can be in the tree. */
function mayHoldForbiddenKey(text) {
    // JSON may spell a key with \u escapes ("\u005f_proto__"), so any escape sends the tree to
    // the full walk. 'proto' covers __proto__ and prototype; three substring scans cost less
    // than one regex alternation over the same text.
    return text.includes('proto') || text.includes('constructor') || text.includes('\\u');
}
/**
 * Every object key that could reach a prototype when the event is merged or copied downstream,
 * in document order. Iterative, so deeply nested input cannot overflow the stack.
 */
function findForbiddenKeys(root) {
    // Legitimate text trips the raw-text pre-check too (Python's json.dumps escapes every
    // non-ASCII character as \uXXXX), so the common answer, none, is found without building paths.
    return hasForbiddenKey(root) ? locateForbiddenKeys(root) : [];
}
function hasForbiddenKey(root) {
    const stack = [root];
    for (let value = stack.pop(); value !== undefined; value = stack.pop()) {
        if (typeof value !== 'object' || value === null) {
            continue;
        }
        if (Array.isArray(value)) {
            for (const item of value) {
                stack.push(item);
            }
            continue;
        }
        const record = value;
        for (const key of Object.keys(record)) {
            if (FORBIDDEN_KEYS.has(key)) {
                return true;
            }
            stack.push(record[key]);
        }
    }
    return false;
}
function locateForbiddenKeys(root) {
    const issues = [];
    const stack = [{ value: root, path: '' }];
    for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
        const { value, path } = top;
        if (value === null || typeof value !== 'object') {
            continue;
        }
        const children = [];
        if (Array.isArray(value)) {
            value.forEach((item, index) => children.push({ value: item, path: `${path}/${index}` }));
        }
        else {
            for (const [key, child] of Object.entries(value)) {
                const childPath = `${path}/${(0, validation_issues_1.pointerToken)(key)}`;
                if (FORBIDDEN_KEYS.has(key)) {
                    issues.push({
                        path: childPath,
                        code: dead_letter_1.ValidationIssueCode.ForbiddenKey,
                        message: `key "${key}" is not allowed anywhere in an event`,
                    });
                }
                else {
                    children.push({ value: child, path: childPath });
                }
            }
        }
        // reversed so that popping visits children in document order
        for (let i = children.length - 1; i >= 0; i -= 1) {
            stack.push(children[i]);
        }
    }
    return (0, validation_issues_1.capIssues)(issues);
}
