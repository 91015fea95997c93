/** Cross-cutting service concerns: configuration properties, security, the RFC 9457 error handler. */
package com.propertyservice.advisor.system;
