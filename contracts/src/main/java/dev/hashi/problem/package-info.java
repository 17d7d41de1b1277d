/** The stable problem codes shared by the gateway and the services. */
package dev.hashi.problem;
