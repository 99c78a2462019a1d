package org.logonrights.platform.windows;

import java.util.List;

/**
 * Reads instances of a WMI class on this machine, read-only. Pure Java so that the RSoP mapping is
 * tested with a fake; {@code ComWmiClient} is the COM implementation.
 */
public interface WmiClient {

    /**
     * {@code SELECT <properties> FROM <className>} in {@code namespace}, every instance.
     *
     * @throws WmiException when COM, the connection, the query or the enumeration fails, or a
     *     property has a type {@link WmiObject} does not carry
     */
    List<WmiObject> query(String namespace, String className, List<String> properties) throws WmiException;
}
