# M2M Care device simulator (fleet and load generator).
# Build from the repository root:  docker build -f docker/device-sim.Dockerfile -t m2mcare/device-sim .
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -DskipTests -pl device-sim -am package

FROM eclipse-temurin:25-jre
RUN useradd --system --uid 10001 --home-dir /var/lib/m2mcare --create-home m2mcare
COPY --from=build /src/device-sim/target/device-sim.jar /opt/m2mcare/device-sim.jar
USER m2mcare
WORKDIR /var/lib/m2mcare
ENTRYPOINT ["java", "-jar", "/opt/m2mcare/device-sim.jar"]
