/** The web console: its servlets, login and metrics. Private: nothing here is API. */
package io.connector.web.internal;
