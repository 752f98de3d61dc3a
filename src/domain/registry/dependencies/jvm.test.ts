import { describe, expect, it } from 'vitest'
import { readGradle, readPom } from './jvm.ts'

const triples = (reading: { dependencies: { name: string; version: string | null; scope: string }[] }) => reading.dependencies.map((d) => [d.name, d.version, d.scope])

const pom = `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <parent>
    <groupId>org.springframework.boot</groupId>
    <artifactId>spring-boot-starter-parent</artifactId>
    <version>3.2.4</version>
    <relativePath/>
  </parent>
  <groupId>fr.gouv.impots</groupId>
  <artifactId>simulateur-ir</artifactId>
  <version>1.10</version>
  <name>Simulateur de l'impôt sur le revenu</name>

  <properties>
    <java.version>17</java.version>
    <mapstruct.version>1.5.5.Final</mapstruct.version>
    <testcontainers.version>1.19.7</testcontainers.version>
    <!-- a property made of another one -->
    <mapstruct.processor.version>\${mapstruct.version}</mapstruct.processor.version>
  </properties>

  <dependencyManagement>
    <dependencies>
      <dependency>
        <groupId>org.testcontainers</groupId>
        <artifactId>testcontainers-bom</artifactId>
        <version>\${testcontainers.version}</version>
        <type>pom</type>
        <scope>import</scope>
      </dependency>
      <dependency>
        <groupId>org.apache.commons</groupId>
        <artifactId>commons-lang3</artifactId>
        <version>3.14.0</version>
      </dependency>
    </dependencies>
  </dependencyManagement>

  <dependencies>
    <dependency>
      <groupId>org.springframework.boot</groupId>
      <artifactId>spring-boot-starter-web</artifactId>
    </dependency>
    <dependency>
      <groupId>org.mapstruct</groupId>
      <artifactId>mapstruct</artifactId>
      <version>\${mapstruct.processor.version}</version>
    </dependency>
    <dependency>
      <groupId>org.apache.commons</groupId>
      <artifactId>commons-lang3</artifactId>
    </dependency>
    <dependency>
      <groupId>\${project.groupId}</groupId>
      <artifactId>simulateur-ir-core</artifactId>
      <version>\${project.version}</version>
    </dependency>
    <dependency>
      <groupId>org.projectlombok</groupId>
      <artifactId>lombok</artifactId>
      <optional>true</optional>
      <scope>provided</scope>
    </dependency>
    <dependency>
      <groupId>org.springframework.boot</groupId>
      <artifactId>spring-boot-starter-test</artifactId>
      <scope>test</scope>
    </dependency>
    <dependency>
      <groupId>org.testcontainers</groupId>
      <artifactId>postgresql</artifactId>
      <version>\${undefined.in.parent}</version>
      <scope>test</scope>
    </dependency>
  </dependencies>

  <build>
    <plugins>
      <plugin>
        <groupId>org.springframework.boot</groupId>
        <artifactId>spring-boot-maven-plugin</artifactId>
        <dependencies>
          <dependency><groupId>not</groupId><artifactId>a-project-dependency</artifactId></dependency>
        </dependencies>
      </plugin>
    </plugins>
  </build>
</project>
`

describe('pom.xml', () => {
  it('reads the project dependencies, resolving properties and managed versions; test scope is dev', () => {
    const reading = readPom(pom, 'pom.xml')
    expect(reading.problems).toEqual([])
    expect(triples(reading)).toEqual([
      ['org.springframework.boot:spring-boot-starter-web', null, 'runtime'],
      ['org.mapstruct:mapstruct', '1.5.5.Final', 'runtime'],
      ['org.apache.commons:commons-lang3', '3.14.0', 'runtime'],
      ['fr.gouv.impots:simulateur-ir-core', '1.10', 'runtime'],
      ['org.projectlombok:lombok', null, 'runtime'],
      ['org.springframework.boot:spring-boot-starter-test', null, 'dev'],
      ['org.testcontainers:postgresql', null, 'dev'],
    ])
    expect(reading.dependencies[0]).toEqual({ ecosystem: 'maven', name: 'org.springframework.boot:spring-boot-starter-web', version: null, scope: 'runtime', manifest: 'pom.xml' })
  })

  it('reports invalid XML with its line, and a document that is not a POM', () => {
    expect(readPom('<project>\n  <dependencies>\n    <dependency>\n  </dependencies>\n</project>', 'pom.xml')).toMatchObject({
      dependencies: [],
      readable: false,
      problems: [{ file: 'pom.xml', line: 4, message: expect.stringMatching(/^Invalid XML: Expected closing tag 'dependency'/) }],
    })
    expect(readPom('<settings><servers/></settings>', 'pom.xml').problems).toEqual([{ file: 'pom.xml', line: null, message: 'No <project> element: not a Maven POM.' }])
  })

  it('expands no entity: a billion laughs stays unexpanded text, an external entity is refused', () => {
    const laughs = `<?xml version="1.0"?>
<!DOCTYPE project [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<project><dependencies>
  <dependency><groupId>org.example</groupId><artifactId>lib</artifactId><version>&lol9;</version></dependency>
</dependencies></project>`
    const reading = readPom(laughs, 'pom.xml')
    expect(reading.dependencies.map((d) => [d.name, d.version])).toEqual([['org.example:lib', '&lol9;']])

    const external = `<?xml version="1.0"?>
<!DOCTYPE project [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
<project><dependencies><dependency><groupId>&secret;</groupId><artifactId>x</artifactId></dependency></dependencies></project>`
    const refused = readPom(external, 'pom.xml')
    expect(refused.dependencies).toEqual([])
    expect(refused.problems).toEqual([{ file: 'pom.xml', line: null, message: expect.stringMatching(/^Unreadable XML: External entities are not supported/) }])
    expect(JSON.stringify(refused)).not.toContain('root:')
  })
})

const groovy = `plugins {
    id 'org.springframework.boot' version '3.2.4'
    id 'io.spring.dependency-management' version '1.1.4'
    id 'java'
}

group = 'fr.gouv.dinum'
version = '0.0.1-SNAPSHOT'

ext {
    lombokVersion = '1.18.30'
}
def jjwtVersion = "0.12.5"

repositories {
    mavenCentral()
    maven { url 'https://repo.spring.io/milestone' } // milestones
}

dependencies {
    implementation 'org.springframework.boot:spring-boot-starter-data-jpa'
    implementation "io.jsonwebtoken:jjwt-api:$jjwtVersion"
    implementation group: 'org.apache.poi', name: 'poi-ooxml', version: '5.2.5'
    implementation platform('org.springframework.cloud:spring-cloud-dependencies:2023.0.1')
    implementation project(':commun')
    implementation fileTree(dir: 'libs', include: ['*.jar'])
    implementation libs.guava
    compileOnly "org.projectlombok:lombok:\${lombokVersion}"
    runtimeOnly 'org.postgresql:postgresql:42.7.3', 'io.jsonwebtoken:jjwt-impl:0.12.5'
    // implementation 'commented:out:1.0'
    /* implementation 'also:commented:1.0'
       implementation 'still:commented:1.0' */
    testImplementation('org.springframework.boot:spring-boot-starter-test') {
        exclude group: 'org.junit.vintage', module: 'junit-vintage-engine'
    }
    testRuntimeOnly 'org.junit.platform:junit-platform-launcher:1.10.2@jar'
    implementation "com.example:unknown:$notDefinedHere"
}
`

const kotlin = `import org.jetbrains.kotlin.gradle.tasks.KotlinCompile

plugins {
    kotlin("jvm") version "1.9.23"
    id("org.springframework.boot") version "3.2.4"
}

val ktorVersion = "2.3.9"
val exposedVersion: String by project

dependencies {
    implementation(kotlin("stdlib"))
    implementation(kotlin("reflect", "1.9.23"))
    implementation("io.ktor:ktor-server-core:$ktorVersion")
    implementation("io.ktor:ktor-server-netty:\${ktorVersion}")
    implementation("org.jetbrains.exposed:exposed-core:$exposedVersion")
    implementation(group = "com.fasterxml.jackson.module", name = "jackson-module-kotlin", version = "2.17.0")
    implementation(project(":shared"))
    api("org.apache.commons:commons-csv:1.10.0")
    testImplementation("io.mockk:mockk:1.13.10")
    androidTestImplementation("androidx.test.ext:junit:1.1.5")
}
`

describe('Gradle', () => {
  it('reads a Groovy script: strings, maps, platforms, several per line, variables; skips projects, files, catalogs and comments', () => {
    const reading = readGradle(groovy, 'build.gradle')
    expect(triples(reading)).toEqual([
      ['org.springframework.boot:spring-boot-starter-data-jpa', null, 'runtime'],
      ['io.jsonwebtoken:jjwt-api', '0.12.5', 'runtime'],
      ['org.apache.poi:poi-ooxml', '5.2.5', 'runtime'],
      ['org.springframework.cloud:spring-cloud-dependencies', '2023.0.1', 'runtime'],
      ['org.projectlombok:lombok', '1.18.30', 'runtime'],
      ['org.postgresql:postgresql', '42.7.3', 'runtime'],
      ['io.jsonwebtoken:jjwt-impl', '0.12.5', 'runtime'],
      ['org.springframework.boot:spring-boot-starter-test', null, 'dev'],
      ['org.junit.platform:junit-platform-launcher', '1.10.2', 'dev'],
      ['com.example:unknown', null, 'runtime'],
    ])
    expect(reading.problems).toEqual([])
  })

  it('reads a Kotlin script', () => {
    const reading = readGradle(kotlin, 'build.gradle.kts')
    expect(triples(reading)).toEqual([
      ['org.jetbrains.kotlin:kotlin-stdlib', null, 'runtime'],
      ['org.jetbrains.kotlin:kotlin-reflect', '1.9.23', 'runtime'],
      ['io.ktor:ktor-server-core', '2.3.9', 'runtime'],
      ['io.ktor:ktor-server-netty', '2.3.9', 'runtime'],
      ['org.jetbrains.exposed:exposed-core', null, 'runtime'],
      ['com.fasterxml.jackson.module:jackson-module-kotlin', '2.17.0', 'runtime'],
      ['org.apache.commons:commons-csv', '1.10.0', 'runtime'],
      ['io.mockk:mockk', '1.13.10', 'dev'],
      ['androidx.test.ext:junit', '1.1.5', 'dev'],
    ])
    expect(reading.problems).toEqual([])
  })
})
