package dev.atrium.shared.web;

/**
 * How many requests Atrium is serving right now, counted once at the web edge from the moment a request enters until
 * its answer is complete (an async request until its async part ends). A module that runs costly work on behalf of
 * requests reads it to tell whether anything else is waiting for the machine: password hashing takes the idle cores
 * only while nothing else is in flight.
 */
public interface RequestsInFlight {

    /** The requests entered and not yet answered, this one included when called while serving a request. */
    int count();
}
