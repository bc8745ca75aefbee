package dev.atrium.ordering;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Small helpers for reading answers in the ordering tests. */
final class JsonFields {

    private JsonFields() {}

    /** The names of an object's fields, in the order the answer has them. */
    static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}
