"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ValidationIssueCode = void 0;
var ValidationIssueCode;
(function (ValidationIssueCode) {
    ValidationIssueCode["TooLarge"] = "too_large";
    ValidationIssueCode["InvalidUtf8"] = "invalid_utf8";
    ValidationIssueCode["InvalidJson"] = "invalid_json";
    ValidationIssueCode["ForbiddenKey"] = "forbidden_key";
    ValidationIssueCode["Schema"] = "schema";
    ValidationIssueCode["Inconsistent"] = "inconsistent";
})(ValidationIssueCode || (exports.ValidationIssueCode = ValidationIssueCode = {}));
