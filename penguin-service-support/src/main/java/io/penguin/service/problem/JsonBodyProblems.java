package io.penguin.service.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Says what is wrong with a JSON body in a user's words: the field (as a path such as {@code scenarioIds[2]}), what
 * it should be and what was sent, without Java type names. The whole body is "the request body".
 */
final class JsonBodyProblems {

    private JsonBodyProblems() {}

    static String describe(JsonProcessingException e) {
        // A parse failure reached while binding a field arrives wrapped in a mapping exception: the parser's own
        // message is the one that says what is wrong.
        JsonProcessingException parse =
                e.getCause() instanceof StreamReadException || e.getCause() instanceof StreamConstraintsException
                        ? (JsonProcessingException) e.getCause()
                        : e;
        if (parse instanceof StreamConstraintsException) {
            return "the request body exceeds a JSON parsing limit (nesting depth, number or string length): "
                    + parse.getOriginalMessage();
        }
        if (parse instanceof StreamReadException) {
            return "the request body is not valid JSON: " + parse.getOriginalMessage();
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return where(unknown) + ": not a field of this request";
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            String sent = e instanceof InvalidFormatException invalid && invalid.getValue() != null
                    ? ", was '" + shorten(String.valueOf(invalid.getValue())) + "'"
                    : "";
            return where(mismatch) + ": expected " + kind(mismatch.getTargetType()) + sent;
        }
        if (e instanceof DatabindException mapping) {
            return where(mapping) + ": " + e.getOriginalMessage();
        }
        return "the request body is not valid JSON: " + e.getOriginalMessage();
    }

    /** The field a mapping failure concerns, e.g. {@code conditions[1]}; the body itself when at the top. */
    private static String where(DatabindException e) {
        if (!(e instanceof JsonMappingException mapping)) {
            return "the request body";
        }
        List<JsonMappingException.Reference> path = mapping.getPath();
        if (path.isEmpty()) {
            return "the request body";
        }
        return path.stream()
                .map(reference -> reference.getFieldName() != null
                        ? "." + reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }

    private static String kind(Class<?> type) {
        if (type == Integer.class
                || type == int.class
                || type == Long.class
                || type == long.class
                || type == Short.class
                || type == short.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class || type == Float.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class || type.isEnum()) {
            return "a string";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "a value of another kind";
    }

    private static String shorten(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }
}
