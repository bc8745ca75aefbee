# Atrium's image: built with the Maven wrapper, run on a JRE as an unprivileged user, always in external mode
# (PostgreSQL and Redis come from the environment; nothing is embedded). Plain Dockerfile instructions only, so that
# any builder builds it, BuildKit or not: the dependencies are a layer of their own, fetched again only when the pom
# changes.

FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline || true
COPY src/ src/
COPY migrations/ migrations/
# The build packages the goods feed into the jar (atrium/goods.json), which Atrium reads when the working directory has
# no data/goods.json: the runtime image needs no copy of its own.
COPY data/goods.json data/goods.json
RUN ./mvnw -B -q package -DskipTests -Dspotless.check.skip=true
# Unpacked jars start faster than the nested fat jar, and allow an AOT cache (below); the embedded PostgreSQL
# binaries (six platforms', about 190 MB) are of no use in a container and stay behind.
RUN java -Djarmode=tools -jar target/atrium.jar extract --destination /app \
 && rm /app/lib/embedded-postgres-binaries-*.jar

FROM eclipse-temurin:25-jre
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin atrium
WORKDIR /app
COPY --from=build /app/ /app/
COPY deploy/docker/atrium.sh /usr/local/bin/atrium
# The JVM's AOT cache (JDK 25): one training run of Atrium, recorded here with this image's own JRE and jars, so that
# every container starts with Atrium's classes already loaded and linked instead of a first start paying for them.
# There is no database and no Redis while the image is built: the run names addresses where nothing listens, which no
# bean reaches while the context starts (the JDBC dialect is named rather than asked of the database; RedisAtStart
# tries Redis once, for the client's classes, and goes on), and ends as soon as the context is refreshed. The key
# below signs nothing: the run serves no request. AotCacheTrainingRunTests makes the same run on every build.
RUN cd /tmp \
 && java -XX:AOTCacheOutput=/app/atrium.aot -Dspring.context.exit=onRefresh -jar /app/atrium.jar \
      --atrium.database.url=jdbc:postgresql://127.0.0.1:1/training --atrium.redis.url=redis://127.0.0.1:1 \
      --atrium.jwt.secret=a-training-run-key-that-signs-nothing-0123456789 --spring.data.jdbc.dialect=postgresql \
 && rm -rf /tmp/*
USER atrium
# Which proxies to believe is the deployment's to say (ATRIUM_TRUSTED_PROXIES), not the image's.
ENV ATRIUM_EMBEDDED_ENABLED=false
# JVM options of the deployment, added after the image's own (-XX:MaxRAMPercentage=75 and the AOT cache) by the
# entrypoint; empty by default.
ENV JAVA_OPTS=""
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=90s --retries=3 \
  CMD curl -fs http://127.0.0.1:8080/readyz || exit 1
# java -jar /app/atrium.jar [COMMAND] [--property=value ...] with the AOT cache and $JAVA_OPTS (deploy/docker/atrium.sh).
ENTRYPOINT ["/bin/sh", "/usr/local/bin/atrium"]
CMD ["serve"]
