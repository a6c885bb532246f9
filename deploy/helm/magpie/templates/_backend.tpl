{{/*
A stage's backend, resolved once from values and files/models.json (generated from
configs/models.json), checked, and returned as JSON. Input: dict root, name, stage.
  mode      sidecar | external | simulator
  kind      vllm | armorm (sidecar), simulator, external
  model     the served model id; path: what vLLM / the reward server loads (id or local dir)
  serving   the model's serving settings with the stage's overrides
  gpus      GPUs one pod requests
  baseUrl   the stage's LLM_BASE_URL / REWARD_BASE_URL; headless: BACKEND_HEADLESS_SERVICE
  maxNumSeqs the stage's MAX_NUM_SEQS
*/}}
{{- define "magpie.backend" -}}
{{- $root := .root -}}
{{- $name := .name -}}
{{- $stage := .stage -}}
{{- $catalog := $root.Files.Get "files/models.json" | fromJson -}}
{{- $reward := eq $name "reward" -}}
{{- $mode := $stage.backend.mode -}}
{{- if not (has $mode (list "sidecar" "external" "simulator")) -}}
{{- fail (printf "stages.%s.backend.mode: %q is not one of sidecar, external, simulator" $name $mode) -}}
{{- end -}}
{{- $model := $stage.model | default (ternary $catalog.defaultRewardModel $catalog.defaultModel $reward) -}}
{{- $table := ternary $catalog.rewardModels $catalog.models $reward -}}
{{- $entry := get $table $model -}}
{{- if not $entry -}}
{{- fail (printf "stages.%s.model: unknown %smodel %q; known: %s" $name (ternary "reward " "" $reward) $model (keys $table | sortAlpha | join ", ")) -}}
{{- end -}}
{{- $api := get $entry "api" | default "chat" -}}
{{- $kind := $mode -}}
{{- if eq $mode "sidecar" -}}
{{- $kind = ternary "armorm" "vllm" (eq $api "armorm") -}}
{{- end -}}
{{- $overrides := $stage.backend.serving | default dict -}}
{{- $allowed := ternary (list "maxLength" "maxBatchSize" "dtype") (list "tensorParallelSize" "pipelineParallelSize" "maxModelLen" "gpuMemoryUtilization" "dtype" "quantization" "reasoningParser" "maxNumSeqs" "extraArgs") (eq $api "armorm") -}}
{{- range $key, $_ := $overrides -}}
{{- if not (has $key $allowed) -}}
{{- fail (printf "stages.%s.backend.serving.%s: not a serving setting of %s; allowed: %s" $name $key $model (join ", " $allowed)) -}}
{{- end -}}
{{- end -}}
{{- $serving := mergeOverwrite (deepCopy $entry.serving) (deepCopy $overrides) -}}
{{- $gpus := 0 -}}
{{- if eq $kind "vllm" -}}
{{- $gpus = mul (int $serving.tensorParallelSize) (int ($serving.pipelineParallelSize | default 1)) -}}
{{- else if eq $kind "armorm" -}}
{{- $gpus = 1 -}}
{{- end -}}
{{- if gt (int $gpus) 0 -}}
{{- include "magpie.checkGpuFit" (dict "root" $root "name" $name "model" $model "serving" $serving "gpus" $gpus "rules" $catalog.rules "kind" $kind) -}}
{{- if and $serving.gated (not $root.Values.huggingface.tokenSecret.name) -}}
{{- fail (printf "huggingface.tokenSecret.name: %s is gated on Hugging Face; stage %s needs a Secret with an HF token" $model $name) -}}
{{- end -}}
{{- end -}}
{{- $port := ternary $root.Values.simulator.port (ternary $root.Values.rewardServer.port $root.Values.vllm.port (eq $kind "armorm")) (eq $kind "simulator") -}}
{{- $baseUrl := printf "http://127.0.0.1:%v%s" $port (ternary "" "/v1" $reward) -}}
{{- $headless := "" -}}
{{- $maxNumSeqs := 0 -}}
{{- if eq $kind "vllm" -}}
{{- $maxNumSeqs = $serving.maxNumSeqs -}}
{{- else if eq $kind "armorm" -}}
{{- $maxNumSeqs = mul (int $serving.maxBatchSize) (int $root.Values.rewardServer.inflightBatches) -}}
{{- else if eq $kind "simulator" -}}
{{- $maxNumSeqs = $root.Values.simulator.maxNumSeqs -}}
{{- else -}}
{{- $external := $stage.backend.external -}}
{{- $maxNumSeqs = $external.maxNumSeqs -}}
{{- $baseUrl = $external.baseUrls -}}
{{- $headless = $external.headlessService -}}
{{- if not (or $baseUrl $headless) -}}
{{- fail (printf "stages.%s.backend.external: set baseUrls (comma-separated OpenAI-compatible URLs) or headlessService" $name) -}}
{{- end -}}
{{- end -}}
{{- toJson (dict "mode" $mode "kind" $kind "model" $model "path" ($stage.backend.modelPath | default $model) "api" $api "serving" $serving "gpus" $gpus "port" $port "baseUrl" $baseUrl "headless" $headless "maxNumSeqs" $maxNumSeqs "reasoning" (get $entry "reasoning" | default false) "cacheGiB" $entry.cacheGiB) -}}
{{- end -}}

{{/* Refuses a sidecar that cannot run on one node of the configured GPUs. */}}
{{- define "magpie.checkGpuFit" -}}
{{- $gpu := .root.Values.gpu -}}
{{- $s := .serving -}}
{{- $where := printf "stage %s (%s)" .name .model -}}
{{- if gt (int ($s.pipelineParallelSize | default 1)) 1 -}}
{{- fail (printf "%s: pipelineParallelSize %v spreads a replica over several nodes, which one pod cannot; serve it outside the chart and set stages.%s.backend.mode=external" $where $s.pipelineParallelSize .name) -}}
{{- end -}}
{{- if gt (int .gpus) (int $gpu.perNode) -}}
{{- fail (printf "%s: needs %v GPUs per replica but a node offers gpu.perNode=%v" $where .gpus $gpu.perNode) -}}
{{- end -}}
{{- if gt (int $s.minGpuMemoryGiB) (int $gpu.memoryGiB) -}}
{{- fail (printf "%s: sized for %v GiB GPUs but gpu.memoryGiB is %v; choose larger GPUs (gpu.products) or another model" $where $s.minGpuMemoryGiB $gpu.memoryGiB) -}}
{{- end -}}
{{- if eq .kind "vllm" -}}
{{- $bytes := get .rules.bytesPerParam ($s.quantization | default "none") -}}
{{- if not $bytes -}}
{{- fail (printf "%s: quantization %q is not one of %s" $where $s.quantization (keys .rules.bytesPerParam | sortAlpha | join ", ")) -}}
{{- end -}}
{{- $weightsGiB := divf (mulf $s.paramsB 1000000000.0 $bytes) 1073741824.0 -}}
{{- $usableGiB := mulf (float64 .gpus) (float64 $gpu.memoryGiB) $s.gpuMemoryUtilization -}}
{{- if gt $weightsGiB (mulf .rules.maxWeightsShare $usableGiB) -}}
{{- fail (printf "%s: %.1f GiB of weights leave too little KV cache on %v × %v GiB at gpuMemoryUtilization %v (weights may use at most %v of it); raise tensorParallelSize" $where $weightsGiB .gpus $gpu.memoryGiB $s.gpuMemoryUtilization .rules.maxWeightsShare) -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* vLLM's arguments from the serving settings. Input: dict root, backend. */}}
{{- define "magpie.vllmArgs" -}}
{{- $b := .backend -}}
{{- $s := $b.serving -}}
{{- /* `vllm serve` takes the model as its positional argument and refuses `--model`. */ -}}
- {{ $b.path | quote }}
- --served-model-name
- {{ $b.model | quote }}
- --host
- 0.0.0.0
- --port
- {{ $b.port | quote }}
- --tensor-parallel-size
- {{ $s.tensorParallelSize | quote }}
- --max-num-seqs
- {{ $s.maxNumSeqs | quote }}
- --scheduling-policy
- priority
- --gpu-memory-utilization
- {{ $s.gpuMemoryUtilization | quote }}
- --max-model-len
- {{ $s.maxModelLen | quote }}
- --dtype
- {{ $s.dtype }}
{{- with $s.quantization }}
- --quantization
- {{ . }}
{{- end }}
{{- with $s.reasoningParser }}
- --reasoning-parser
- {{ . }}
{{- end }}
{{- if eq ($s.runner | default "") "pooling" }}
- --runner
- pooling
- --convert
- {{ $s.convert }}
{{- end }}
{{- range $s.extraArgs }}
- {{ . | quote }}
{{- end }}
{{- range .root.Values.vllm.args }}
- {{ . | quote }}
{{- end }}
{{- end -}}
