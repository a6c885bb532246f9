{{- define "magpie.labels" -}}
app.kubernetes.io/part-of: magpie
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "magpie.commonEnv" -}}
- name: NATS_URL
  value: {{ .Values.nats.url | quote }}
- name: LOG_LEVEL
  value: {{ .Values.logLevel | quote }}
- name: HEALTH_PORT
  value: {{ .Values.healthPort | quote }}
{{- end -}}

{{- define "magpie.probes" -}}
readinessProbe:
  httpGet: { path: /healthz, port: health }
  periodSeconds: 5
livenessProbe:
  httpGet: { path: /healthz, port: health }
  periodSeconds: 10
  failureThreshold: 6
{{- end -}}
