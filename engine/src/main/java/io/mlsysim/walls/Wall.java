package io.mlsysim.walls;

import java.util.List;

/**
 * One of the 22 walls: a constraint that bounds an ML system, the resolver that models it, the
 * equation it uses and where the idea comes from.
 */
public record Wall(int number, String name, String domain, String resolver, String constraint,
    String equation, List<String> sources) {}
