# M2M Care gateway: multi-stage build, small JRE runtime, non-root user, health check.
# Build from the repository root:  docker build -f docker/gateway.Dockerfile -t m2mcare/gateway .
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -DskipTests -pl gateway -am package

FROM eclipse-temurin:25-jre
RUN useradd --system --uid 10001 --home-dir /var/lib/m2mcare --create-home m2mcare
COPY --from=build /src/gateway/target/gateway.jar /opt/m2mcare/gateway.jar
USER m2mcare
WORKDIR /var/lib/m2mcare
ENV M2MCARE_DATA_DIR=/var/lib/m2mcare/data
EXPOSE 1883 8883 8080 5683/udp 5684/udp 5701 15701
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD wget -q -O /dev/null http://127.0.0.1:${M2MCARE_HTTP_PORT:-8080}/health/live || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/m2mcare/gateway.jar"]
