# Runtime image for Yinling. Build the jar first: ./mvnw -DskipTests package
# Production runs with an external PostgreSQL (SPRING_DATASOURCE_URL/_USERNAME/_PASSWORD) and SPRING_PROFILES_ACTIVE=prod;
# see docker-compose.yml.
FROM eclipse-temurin:17-jre

RUN groupadd --system yinling \
    && useradd --system --gid yinling --home-dir /app --no-create-home yinling \
    && mkdir -p /app/data \
    && chown -R yinling:yinling /app

WORKDIR /app
COPY --chown=yinling:yinling target/yinling-*.jar /app/app.jar

# Writable only in case the image is run without SPRING_DATASOURCE_URL (embedded demo database in /app/data).
USER yinling

# The app takes its dates from yinling.time-zone; TZ keeps the JVM and its logs in the same zone.
ENV TZ=Asia/Shanghai

EXPOSE 8080
ENTRYPOINT ["java","-jar","/app/app.jar"]
